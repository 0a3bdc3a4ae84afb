using System.Collections.Concurrent;
using System.Globalization;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;

namespace CheckinBot.Testing;

/// <summary>
/// A chat platform that records what it is asked to post (optionally taking its time, or failing as an outage would) and
/// finds a post again by its occurrence key, as Slack's history does.
/// </summary>
public sealed class RecordingGateway(string platform = RecordingGateway.DefaultPlatform) : IChatGateway
{
    /// <summary>The platform's name when none is given.</summary>
    public const string DefaultPlatform = "test";

    private int posts;

    public ConcurrentQueue<OutboundMessage> Posted { get; } = new();

    public string Platform => platform;

    /// <summary>The posts to a channel (not to one person).</summary>
    public IEnumerable<OutboundMessage> ChannelPosts => Posted.Where(p => p.To.ConversationId is not null && p.To.DirectTo is null);

    /// <summary>The direct messages.</summary>
    public IEnumerable<OutboundMessage> DirectMessages => Posted.Where(p => p.To.DirectTo is not null);

    /// <summary>How long each post takes.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>How many of the next posts fail, as a platform outage would.</summary>
    public int FailNext { get; set; }

    public async Task<PostReceipt> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (FailNext > 0)
        {
            FailNext--;
            throw new HttpRequestException("platform unavailable");
        }

        Posted.Enqueue(message);
        return new PostReceipt("m" + Interlocked.Increment(ref posts).ToString(CultureInfo.InvariantCulture));
    }

    public Task<PostReceipt?> FindPostedAsync(ChatAddress where, string occurrenceKey, PostWindow window, CancellationToken cancellationToken) =>
        Task.FromResult(Posted.Any(p => p.OccurrenceKey == occurrenceKey) ? new PostReceipt("found-" + occurrenceKey) : null);
}
