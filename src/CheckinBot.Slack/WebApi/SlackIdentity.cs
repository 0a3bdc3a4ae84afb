namespace CheckinBot.Slack.WebApi;

/// <summary>What <c>auth.test</c> says of a token.</summary>
public sealed record SlackIdentity(string TeamId, string? TeamName, string? UserId, string? BotId);
