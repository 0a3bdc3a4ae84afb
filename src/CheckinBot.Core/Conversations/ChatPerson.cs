namespace CheckinBot.Core.Conversations;

/// <summary>A platform user as an adapter saw them on one turn.</summary>
/// <param name="Id">The platform's user id.</param>
/// <param name="DisplayName">The name to address them by, when the platform said.</param>
/// <param name="TimeZone">An IANA zone, when the platform said.</param>
/// <param name="Language">A two-letter language, when the platform said.</param>
/// <param name="IsBot">True for bots, including this one.</param>
public sealed record ChatPerson(string Id, string? DisplayName = null, string? TimeZone = null, string? Language = null, bool IsBot = false);
