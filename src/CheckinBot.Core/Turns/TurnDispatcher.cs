using CheckinBot.Core.Conversations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;

namespace CheckinBot.Core.Turns;

/// <summary>
/// Runs a turn through the router and posts what it answers through the gateways, once per event id.
/// </summary>
public sealed class TurnDispatcher(TurnRouter router, ChatGateways gateways, IEventLedger events, TimeProvider time)
{
    public async Task<TurnOutcome> DispatchAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.EventId is { } eventId &&
            !await events.TryRecordAsync(turn.Platform, eventId, NodaTime.Instant.FromDateTimeOffset(time.GetUtcNow()), cancellationToken))
        {
            return new TurnOutcome([]);
        }

        var answers = await router.HandleAsync(turn, cancellationToken);
        var posted = new List<(OutboundMessage, PostReceipt)>(answers.Count);
        foreach (var message in answers)
        {
            posted.Add((message, await gateways.PostAsync(message, cancellationToken)));
        }

        return new TurnOutcome(posted);
    }
}
