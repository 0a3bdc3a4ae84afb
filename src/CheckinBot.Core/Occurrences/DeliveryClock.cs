using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>
/// "Now" during one delivery round: the instant the round was started for, plus the time the injected clock says has
/// passed since. Each claim, lease renewal and recorded post reads it afresh, so a later batch never starts with a lease
/// taken from the round's start.
/// </summary>
internal sealed class DeliveryClock(Instant start, TimeProvider time)
{
    private readonly long started = time.GetTimestamp();

    public TimeProvider Time => time;

    public Instant Now() => start + Duration.FromTimeSpan(time.GetElapsedTime(started));
}
