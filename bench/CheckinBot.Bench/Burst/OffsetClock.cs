namespace CheckinBot.Bench.Burst;

/// <summary>Real time, shifted so that it reads a chosen instant at a chosen moment: Quartz waits real seconds on it.</summary>
internal sealed class OffsetClock : TimeProvider
{
    private long offsetTicks;

    public OffsetClock(DateTimeOffset readsNow) => Restart(readsNow);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>From now on the clock reads <paramref name="readsNow"/> at this moment.</summary>
    public void Restart(DateTimeOffset readsNow) => Interlocked.Exchange(ref offsetTicks, (readsNow - System.GetUtcNow()).Ticks);
}
