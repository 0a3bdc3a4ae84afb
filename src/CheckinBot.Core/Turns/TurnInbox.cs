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

    public TurnInbox(int capacity = TurnOptions.DefaultQueueCapacity)
    {
        channel = Channel.CreateBounded<PendingTurn>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
        });
    }

    public ChannelReader<PendingTurn> Reader => channel.Reader;

    /// <summary>
    /// Completes once no turn waits for a worker, looking again every <paramref name="every"/>: work that can wait (the
    /// introduction of new senders) goes after the answers, never ahead of them.
    /// </summary>
    public async Task WhenIdleAsync(TimeSpan every, TimeProvider time, CancellationToken cancellationToken)
    {
        while (channel.Reader.Count > 0)
        {
            await Task.Delay(every, time, cancellationToken);
        }
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
}
