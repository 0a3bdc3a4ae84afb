using CheckinBot.Core.Conversations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;

namespace CheckinBot.Core.Turns;

/// <summary>
/// The one dispatcher every adapter's turns go through: runs a turn through the router once per event id, and posts
/// what it answers through the gateways.
/// </summary>
public sealed class TurnDispatcher(TurnRouter router, ChatGateways gateways, IEventLedger events, TimeProvider time)
{
    public async Task<TurnOutcome> DispatchAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var answers = await AnswerOnceAsync(turn, cancellationToken);
        if (answers is null)
        {
            return new TurnOutcome([]);
        }

        var posted = new List<(OutboundMessage, PostReceipt)>(answers.Count);
        foreach (var message in answers)
        {
            posted.Add((message, await gateways.PostAsync(message, cancellationToken)));
        }

        return new TurnOutcome(posted);
    }

    /// <summary>The turn's answers, its effects stored; null when the event was handled before (a retry).</summary>
    public async Task<IReadOnlyList<OutboundMessage>?> AnswerOnceAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.EventId is { } eventId &&
            !await events.TryRecordAsync(turn.Platform, eventId, NodaTime.Instant.FromDateTimeOffset(time.GetUtcNow()), cancellationToken))
        {
            return null;
        }

        return await router.HandleAsync(turn, cancellationToken);
    }
}
