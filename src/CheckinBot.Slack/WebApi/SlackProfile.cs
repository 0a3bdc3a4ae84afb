namespace CheckinBot.Slack.WebApi;

/// <summary>What <c>users.info</c> says of a person.</summary>
public sealed record SlackProfile(string UserId, string? DisplayName, string? TimeZone, string? Locale, bool IsBot);
