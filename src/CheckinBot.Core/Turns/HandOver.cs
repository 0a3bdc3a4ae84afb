using CheckinBot.Core.Conversations;
using CheckinBot.Core.Messages;

namespace CheckinBot.Core.Turns;

/// <summary>
/// Whether an adapter waits to give one of a turn's answers inside the platform's acknowledgement, which one, and until
/// when: every adapter states it when it queues a turn (<see cref="PendingTurn"/>), a budget or <see cref="None"/>.
/// </summary>
public readonly record struct HandOver
{
    private HandOver(Func<ChatTurn, IReadOnlyList<OutboundMessage>, OutboundMessage?> pick, long deadline, TimeProvider clock)
    {
        Pick = pick;
        Deadline = deadline;
        Clock = clock;
    }

    /// <summary>No answer goes inside the acknowledgement: the worker posts every answer (the adapter may still wait for them).</summary>
    public static HandOver None => default;

    /// <summary>Which of the turn's answers the adapter can give inside its acknowledgement; null for <see cref="None"/>.</summary>
    public Func<ChatTurn, IReadOnlyList<OutboundMessage>, OutboundMessage?>? Pick { get; }

    /// <summary>After this timestamp of <see cref="Clock"/> an answer is no longer handed over but posted.</summary>
    public long Deadline { get; }

    public TimeProvider? Clock { get; }

    /// <summary>
    /// The answer <paramref name="pick"/> chooses goes inside the acknowledgement while <paramref name="budget"/> lasts,
    /// counted from <paramref name="arrivedAt"/> (a timestamp of <paramref name="clock"/>: the platform counts from the
    /// request's arrival, not from when it was read).
    /// </summary>
    public static HandOver Within(
        TimeSpan budget, long arrivedAt, TimeProvider clock, Func<ChatTurn, IReadOnlyList<OutboundMessage>, OutboundMessage?> pick) =>
        new(pick, arrivedAt + (long)(budget.TotalSeconds * clock.TimestampFrequency), clock);
}
