using CheckinBot.Core.Conversations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Telemetry;
using NodaTime;

namespace CheckinBot.Core.Turns;

/// <summary>
/// The one dispatcher every adapter's turns go through: runs a turn through the router once per event id. The event is
/// claimed while the turn runs and marked done once its effects are stored: a turn that throws leaves it unmarked, so
/// the platform's retry runs it again; a retry of a turn that succeeded, or a duplicate arriving meanwhile, does nothing.
/// A turn whose write lost a race with another turn runs once more, and is then answered with one clear line.
/// </summary>
public sealed class TurnDispatcher(TurnRouter router, ChatGateways gateways, IEventLedger events, TimeProvider time)
{
    /// <summary>How long a claim holds before another node may take the event over (its node died mid-turn).</summary>
    public static readonly Duration ClaimLease = Duration.FromMinutes(2);

    public async Task<TurnOutcome> DispatchAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var answers = await AnswerOnceAsync(turn, cancellationToken);
        if (answers is null)
        {
            return new TurnOutcome([]);
        }

        // The answers go out after the mark: a failed post must not run the turn, and its writes, a second time.
        var posted = new List<(OutboundMessage, PostReceipt)>(answers.Count);
        foreach (var message in answers)
        {
            posted.Add((message, await gateways.PostAsync(message, cancellationToken)));
        }

        return new TurnOutcome(posted);
    }

    /// <summary>The turn's answers, its effects stored and its event marked done; null when the event was handled before.</summary>
    public async Task<IReadOnlyList<OutboundMessage>?> AnswerOnceAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        using var activity = TurnTelemetry.StartDispatch(turn);
        if (turn.EventId is { } readOnce && router.OnlyReads(turn))
        {
            return await AnswerReadOnlyAsync(turn, readOnce, cancellationToken);
        }

        var eventId = turn.EventId;
        if (eventId is not null &&
            !await events.TryClaimAsync(turn.Platform, eventId, Instant.FromDateTimeOffset(time.GetUtcNow()), ClaimLease, cancellationToken))
        {
            return null;
        }

        IReadOnlyList<OutboundMessage> answers;
        try
        {
            answers = await AnswerAsync(turn, cancellationToken);
        }
        catch
        {
            if (eventId is not null)
            {
                // Not the request's token: a cancelled turn must still give its claim back.
                await events.ReleaseAsync(turn.Platform, eventId, CancellationToken.None);
            }

            throw;
        }

        if (eventId is not null)
        {
            await events.CompleteAsync(turn.Platform, eventId, CancellationToken.None);
        }

        return answers;
    }

    /// <summary>
    /// A command that only reads has no effect to mark done with: it is answered first, then recorded in one write, and
    /// only the turn whose record is new gives its answers; a retry arriving meanwhile or later gives none. A platform
    /// that never sends a turn again (a Slack slash command) needs no record at all.
    /// </summary>
    private async Task<IReadOnlyList<OutboundMessage>?> AnswerReadOnlyAsync(ChatTurn turn, string eventId, CancellationToken cancellationToken)
    {
        var answers = await AnswerAsync(turn, cancellationToken);
        if (turn.NeverRetried)
        {
            return answers;
        }

        return await events.TryRecordAsync(turn.Platform, eventId, Instant.FromDateTimeOffset(time.GetUtcNow()), CancellationToken.None) ? answers : null;
    }

    private async Task<IReadOnlyList<OutboundMessage>> AnswerAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            return await router.HandleAsync(turn, cancellationToken);
        }
        catch (ConcurrentChangeException)
        {
            // The other turn's write stands; this one reads it afresh.
        }

        try
        {
            return await router.HandleAsync(turn, cancellationToken);
        }
        catch (ConcurrentChangeException)
        {
            return await router.AnswerConcurrentChangeAsync(turn, cancellationToken);
        }
    }
}
