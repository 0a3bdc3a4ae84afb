namespace CheckinBot.Scheduling;

/// <summary>
/// The bot's clock: real time plus an offset that only moves forward. With time travel off the offset stays zero,
/// so this is the system clock.
/// </summary>
public sealed class TravellingClock(TimeProvider inner) : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward to <paramref name="target"/>; a target in the past changes nothing.</summary>
    public void MoveTo(DateTimeOffset target)
    {
        var by = target - GetUtcNow();
        if (by > TimeSpan.Zero)
        {
            Interlocked.Add(ref offsetTicks, by.Ticks);
        }
    }
}
