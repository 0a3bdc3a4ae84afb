using System.Diagnostics;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Messages;

namespace CheckinBot.Core.Turns;

/// <summary>
/// A turn on its way through the pipeline, and the adapter that may be waiting to give one of its answers inside the
/// platform's acknowledgement (a Slack slash command's response, a Teams card click's invoke response). Whichever of
/// the two comes first decides: the worker hands the answer over while the adapter still waits, or, once the adapter
/// gave up, posts it itself (to the turn's reply address where there is one).
/// </summary>
public sealed class PendingTurn
{
    private const int Waiting = 0;
    private const int HandedOver = 1;
    private const int GaveUp = 2;

    private readonly HandOver handOver;
    // The adapter's wait continues on the worker's thread as soon as the answer is handed over: writing an acknowledgement
    // is short and does not block, and it saves waking a second thread for every answer (issue 11, the open loop's tail).
    private readonly TaskCompletionSource<OutboundMessage?> inline = new();
    private readonly TaskCompletionSource<TurnOutcome> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int state;

    /// <param name="turn">The parsed turn.</param>
    /// <param name="handOver">
    /// Which of the turn's answers the adapter waits to give inside its acknowledgement, and until when; an answer ready
    /// after that is not handed over even when the adapter has not yet started to wait (the turn ran at once on the
    /// adapter's own thread): the worker posts it instead, so an acknowledgement never waits past the platform's budget.
    /// <see cref="HandOver.None"/> when the adapter gives none.
    /// </param>
    public PendingTurn(ChatTurn turn, HandOver handOver)
    {
        Turn = turn;
        this.handOver = handOver;
    }

    public ChatTurn Turn { get; }

    /// <summary>The trace of the request that queued the turn, which the worker that runs it continues.</summary>
    public ActivityContext Origin { get; } = Activity.Current?.Context ?? default;

    /// <summary>Completes when every answer is handed over or posted; faults when the turn failed.</summary>
    public Task<TurnOutcome> Completion => done.Task;

    /// <summary>
    /// The answer to give inside the acknowledgement, waiting at most <paramref name="budget"/>; null when the turn has
    /// none, or it was not ready in time (the worker then posts it itself). A budget of zero or less gives up at once.
    /// </summary>
    public async Task<OutboundMessage?> WaitInlineAsync(TimeSpan budget, TimeProvider time, CancellationToken cancellationToken)
    {
        if (handOver.Pick is null)
        {
            return null;
        }

        if (budget <= TimeSpan.Zero)
        {
            // No time left to wait (the request spent its budget before it was read): the worker posts the answer itself.
            return GiveUp() ? null : await inline.Task;
        }

        try
        {
            return await inline.Task.WaitAsync(budget, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return GiveUp() ? null : await inline.Task;
        }
        catch (OperationCanceledException)
        {
            GiveUp();
            throw;
        }
    }

    /// <summary>The answer the adapter could give inside its acknowledgement.</summary>
    public OutboundMessage? PickInline(IReadOnlyList<OutboundMessage> answers) => handOver.Pick?.Invoke(Turn, answers);

    /// <summary>Hands the answer to the waiting adapter; false when it no longer waits.</summary>
    public bool TryHandOver(OutboundMessage answer)
    {
        if (handOver.Clock is { } clock && clock.GetTimestamp() > handOver.Deadline)
        {
            GiveUp();
            return false;
        }

        if (Interlocked.CompareExchange(ref state, HandedOver, Waiting) != Waiting)
        {
            return false;
        }

        inline.TrySetResult(answer);
        return true;
    }

    /// <summary>The turn is done; an adapter still waiting gets no inline answer.</summary>
    public void Complete(TurnOutcome outcome)
    {
        inline.TrySetResult(null);
        done.TrySetResult(outcome);
    }

    /// <summary>The turn failed; an adapter still waiting gets no inline answer.</summary>
    public void Fail(Exception error)
    {
        inline.TrySetResult(null);
        done.TrySetException(error);
    }

    /// <summary>Stops waiting; true unless the answer was handed over already.</summary>
    private bool GiveUp() => Interlocked.CompareExchange(ref state, GaveUp, Waiting) != HandedOver;
}
