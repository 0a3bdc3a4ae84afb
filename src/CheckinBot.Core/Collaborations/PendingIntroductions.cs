using System.Collections.Concurrent;
using System.Threading.Channels;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Collaborations;

/// <summary>
/// Senders to introduce after their turn was answered, off the request's path: a bounded queue that one worker drains in
/// batches (<see cref="IntroduceNextAsync"/>, <see cref="Introductions.KnowSendersAsync"/>), and only while no turn waits
/// for an answer. The same person waiting twice is one introduction. When the queue is full (the process has no time
/// to spare for it) the introduction is skipped and counted (<see cref="TurnMetrics"/>): the person's next turn offers
/// it again.
/// </summary>
public sealed class PendingIntroductions
{
    private readonly Channel<ChatTurn> channel;
    private readonly ConcurrentDictionary<(string Platform, string Workspace, string Person), byte> waiting = new();
    private long skipped;

    public PendingIntroductions(TurnOptions options)
    {
        channel = Channel.CreateBounded<ChatTurn>(new BoundedChannelOptions(Math.Max(1, options.IntroductionQueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>What the worker reads; it calls <see cref="Done"/> after each.</summary>
    public ChannelReader<ChatTurn> Reader => channel.Reader;

    /// <summary>Introductions skipped because the queue was full.</summary>
    public long Skipped => Interlocked.Read(ref skipped);

    /// <summary>People waiting to be introduced.</summary>
    public int Waiting => waiting.Count;

    /// <summary>Queues the turn's sender, never waiting; false when the queue was full and the introduction is skipped.</summary>
    public bool Offer(ChatTurn turn)
    {
        var key = KeyOf(turn);
        if (!waiting.TryAdd(key, 0))
        {
            return true;
        }

        if (channel.Writer.TryWrite(turn))
        {
            return true;
        }

        waiting.TryRemove(key, out _);
        Interlocked.Increment(ref skipped);
        TurnMetrics.CountIntroductionSkipped(turn.Platform);
        return false;
    }

    /// <summary>
    /// Waits for senders to introduce and for a moment when no turn waits for a worker (<see cref="TurnInbox.WhenIdleAsync"/>),
    /// then hands up to <paramref name="batchSize"/> of them to <paramref name="introduce"/> at once; they are done
    /// afterwards, whether it succeeded or threw. False when the queue is closed.
    /// </summary>
    public async Task<bool> IntroduceNextAsync(
        TurnInbox answers, int batchSize, Func<IReadOnlyList<ChatTurn>, Task> introduce, CancellationToken cancellationToken)
    {
        if (!await channel.Reader.WaitToReadAsync(cancellationToken))
        {
            return false;
        }

        await answers.WhenIdleAsync(cancellationToken);
        var batch = new List<ChatTurn>(Math.Min(batchSize, channel.Reader.Count));
        while (batch.Count < batchSize && channel.Reader.TryRead(out var turn))
        {
            batch.Add(turn);
        }

        try
        {
            await introduce(batch);
        }
        finally
        {
            foreach (var turn in batch)
            {
                Done(turn);
            }
        }

        return true;
    }

    /// <summary>The sender's introduction is over (done or failed): a later turn may offer them again.</summary>
    public void Done(ChatTurn turn) => waiting.TryRemove(KeyOf(turn), out _);

    private static (string, string, string) KeyOf(ChatTurn turn) => (turn.Platform, turn.WorkspaceId, turn.Person.Id);
}
