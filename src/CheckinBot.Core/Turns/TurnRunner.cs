using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;

namespace CheckinBot.Core.Turns;

/// <summary>
/// Runs one queued turn: the dispatcher answers it (its effects stored, once per event id), the answer the adapter
/// waits for goes into the acknowledgement, and everything else — or that answer too, when the adapter stopped
/// waiting — goes out through the gateways.
/// </summary>
public sealed class TurnRunner(TurnDispatcher dispatcher, ChatGateways gateways)
{
    /// <summary>The receipt of an answer that went inside the platform's acknowledgement.</summary>
    public static readonly PostReceipt InAcknowledgement = new("ack");

    public async Task RunAsync(PendingTurn pending, CancellationToken cancellationToken)
    {
        try
        {
            var answers = await dispatcher.AnswerOnceAsync(pending.Turn, cancellationToken);
            if (answers is null)
            {
                pending.Complete(new TurnOutcome([]));
                return;
            }

            var inline = pending.PickInline(answers);
            var handedOver = inline is not null && pending.TryHandOver(inline);
            var posted = new List<(OutboundMessage, PostReceipt)>(answers.Count);
            foreach (var answer in answers)
            {
                if (handedOver && ReferenceEquals(answer, inline))
                {
                    posted.Add((answer, InAcknowledgement));
                    continue;
                }

                var late = ReferenceEquals(answer, inline) && pending.Turn.ReplyAddress is { } reply
                    ? answer with { To = answer.To with { ReplyAddress = reply } }
                    : answer;
                posted.Add((answer, await gateways.PostAsync(late, cancellationToken)));
            }

            pending.Complete(new TurnOutcome(posted));
        }
        catch (Exception error)
        {
            pending.Fail(error);
            throw;
        }
    }
}
