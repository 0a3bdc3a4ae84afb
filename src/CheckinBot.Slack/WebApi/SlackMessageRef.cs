namespace CheckinBot.Slack.WebApi;

/// <summary>A message found in a channel's history: its <c>ts</c>, and the moment that stands for.</summary>
public sealed record SlackMessageRef(string Ts, DateTimeOffset? PostedAt);
