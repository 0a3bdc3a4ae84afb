namespace CheckinBot.Host.Tests.Cluster;

/// <summary>One <c>chat.postMessage</c> the fake Slack accepted: which node sent it, where, with which occurrence key, and when it arrived.</summary>
public sealed record SlackPost(string Node, string Channel, string? OccurrenceKey, string Ts, DateTimeOffset At, string Text);
