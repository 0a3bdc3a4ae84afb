using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CheckinBot.Slack.Receiving;

/// <summary>
/// The bounded queue between acknowledging a Slack request and doing its work; drained by <see cref="SlackWorkPump"/>.
/// </summary>
public sealed class SlackWorkInbox
{
    private readonly Channel<SlackWork> channel;

    public SlackWorkInbox(IOptions<SlackOptions> options)
    {
        channel = Channel.CreateBounded<SlackWork>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public ChannelReader<SlackWork> Reader => channel.Reader;

    /// <summary>Queues work; false when the queue is full and Slack should be told the bot is busy.</summary>
    public bool TryEnqueue(SlackWork work) => channel.Writer.TryWrite(work);
}
