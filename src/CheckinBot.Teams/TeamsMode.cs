namespace CheckinBot.Teams;

/// <summary>Registered by <c>AddTeams</c> when Teams is on; tells <c>MapTeams</c> how.</summary>
/// <param name="Anonymous">True when no App ID is configured (Development only): no token checks, no outbound token.</param>
internal sealed record TeamsMode(bool Anonymous);
