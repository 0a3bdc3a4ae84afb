using System.Threading.Channels;
using CheckinBot.Core.Conversations;

namespace CheckinBot.Core.Turns;

/// <summary>
/// The bounded in-process queue between adapters (which acknowledge at once) and the work a turn causes.
/// A hosted service drains it; when it is full, <see cref="TryEnqueue"/> says so and the adapter answers "busy".
/// </summary>
public sealed class TurnInbox
{
    private readonly Channel<QueuedTurn> channel;

    public TurnInbox(int capacity = 1000)
    {
        channel = Channel.CreateBounded<QueuedTurn>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
        });
    }

    public ChannelReader<QueuedTurn> Reader => channel.Reader;

    /// <summary>Queues a turn; false when the queue is full.</summary>
    public bool TryEnqueue(ChatTurn turn, Func<TurnOutcome, CancellationToken, Task>? afterwards = null) =>
        channel.Writer.TryWrite(new QueuedTurn(turn, afterwards));
}

/// <summary>A queued turn, and what the adapter wants done with its outcome (for example a Slack response_url).</summary>
public sealed record QueuedTurn(ChatTurn Turn, Func<TurnOutcome, CancellationToken, Task>? Afterwards);
