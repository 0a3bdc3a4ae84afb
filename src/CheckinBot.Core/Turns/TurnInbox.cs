using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace CheckinBot.Core.Turns;

/// <summary>
/// The bounded in-process queue between adapters and the workers that run turns. Adapters wait for room rather than
/// refuse (backpressure); only an adapter whose protocol cannot wait (a Slack acknowledgement within 3 seconds) gives up
/// after its budget, answers "busy", and counts it (<see cref="TurnMetrics"/>).
/// </summary>
public sealed class TurnInbox
{
    private readonly Channel<PendingTurn> channel;
    private readonly Lock idleLock = new();
    private TaskCompletionSource idle = Completed();

    public TurnInbox(int capacity = TurnOptions.DefaultQueueCapacity)
    {
        channel = Channel.CreateBounded<PendingTurn>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,

            // A worker that waits for a turn takes it on the queueing thread: a read-only turn then runs to its answer
            // before the adapter even starts waiting, with no second thread woken for it. Under load the workers are
            // busy, turns wait in the queue, and nothing changes. (A turn that runs late is answered by the worker,
            // not inside the acknowledgement: HandOver.Within.)
            AllowSynchronousContinuations = true,
        });
    }

    /// <summary>Turns waiting for a worker.</summary>
    public int Count => channel.Reader.Count;

    /// <summary>The turns as they come, for one worker of several; ends when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async IAsyncEnumerable<PendingTurn> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!TryRead(out var turn))
            {
                // One read waits for one turn: a queued turn goes to one idle worker. (Waiting to read woke every idle
                // worker for each turn, and each allocated its wait anew: with eight idle workers 1,040 → 368 bytes a turn.)
                try
                {
                    turn = await channel.Reader.ReadAsync(cancellationToken);
                }
                catch (ChannelClosedException)
                {
                    yield break;
                }

                SignalIfDrained();
            }

            yield return turn;
        }
    }

    /// <summary>Takes the next waiting turn, if any; taking the last one lets <see cref="WhenIdleAsync"/> complete.</summary>
    public bool TryRead([MaybeNullWhen(false)] out PendingTurn turn)
    {
        if (!channel.Reader.TryRead(out turn))
        {
            return false;
        }

        SignalIfDrained();
        return true;
    }

    private void SignalIfDrained()
    {
        if (channel.Reader.Count == 0)
        {
            lock (idleLock)
            {
                if (channel.Reader.Count == 0)
                {
                    idle.TrySetResult();
                }
            }
        }
    }

    /// <summary>
    /// Completes once no turn waits for a worker (the last waiting one was taken): work that can wait (the introduction of
    /// new senders) goes after the answers, never ahead of them. A signal, not a poll.
    /// </summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        Task waiting;
        lock (idleLock)
        {
            // Whoever takes the last turn completes the signal under the same lock, after its count dropped: none is lost.
            if (channel.Reader.Count == 0)
            {
                return Task.CompletedTask;
            }

            if (idle.Task.IsCompleted)
            {
                idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            waiting = idle.Task;
        }

        return waiting.WaitAsync(cancellationToken);
    }

    /// <summary>Queues a turn, waiting for room as long as it takes (or until the request is cancelled).</summary>
    public ValueTask QueueAsync(PendingTurn turn, CancellationToken cancellationToken) => channel.Writer.WriteAsync(turn, cancellationToken);

    /// <summary>
    /// Queues a turn, waiting at most <paramref name="wait"/> for room; false, counted as busy, when the workers could
    /// not make room in that time.
    /// </summary>
    public async ValueTask<bool> TryQueueAsync(PendingTurn turn, TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        if (channel.Writer.TryWrite(turn))
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(wait, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await channel.Writer.WriteAsync(turn, either.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            TurnMetrics.CountBusy(turn.Turn.Platform);
            return false;
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
