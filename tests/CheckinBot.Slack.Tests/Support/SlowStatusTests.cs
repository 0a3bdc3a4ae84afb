namespace CheckinBot.Slack.Tests.Support;

/// <summary>Tests that set <see cref="SlowStatusHandler.Gate"/> run one at a time.</summary>
[CollectionDefinition(nameof(SlowStatusHandler))]
public sealed class SlowStatusTests;
