namespace CheckinBot.Slack.Receiving;

/// <summary>
/// Real time, against which Slack's request timestamps are checked. The bot's own <see cref="TimeProvider"/> may be
/// moved forward in development (<c>Clock:TimeTravel</c>) while Slack keeps signing with the real time.
/// </summary>
public sealed class SlackWallClock(TimeProvider time)
{
    public DateTimeOffset GetUtcNow() => time.GetUtcNow();
}
