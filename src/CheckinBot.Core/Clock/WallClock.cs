namespace CheckinBot.Core.Clock;

/// <summary>
/// Real time as the chat platforms keep it: what their request signatures, tokens and key caches are measured against.
/// The bot's own <see cref="TimeProvider"/> may be moved forward in development (<c>Clock:TimeTravel</c>); this one never is.
/// </summary>
public sealed class WallClock(TimeProvider time)
{
    public DateTimeOffset GetUtcNow() => time.GetUtcNow();

    /// <summary>The real time as a provider, for timeouts measured against the platforms' clocks (acknowledgement budgets).</summary>
    public TimeProvider Provider => time;
}
