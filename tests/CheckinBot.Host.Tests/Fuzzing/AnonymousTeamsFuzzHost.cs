namespace CheckinBot.Host.Tests.Fuzzing;

/// <summary>The fuzz host with Teams in the anonymous Development mode (no App ID): activities need no token.</summary>
public sealed class AnonymousTeamsFuzzHost : FuzzHost
{
    protected override bool AnonymousTeams => true;
}
