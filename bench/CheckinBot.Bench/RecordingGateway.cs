using System.Diagnostics;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;

namespace CheckinBot.Bench;

/// <summary>
/// A chat platform that answers at once and keeps only a count and the moment of the last post: it holds nothing per
/// message, so the memory measured is the bot's own.
/// </summary>
internal sealed class RecordingGateway : IChatGateway
{
    private long sequence;
    private long posts;
    private long lastPostTicks;

    public const string Name = "bench";

    public string Platform => Name;

    /// <summary>How many posts arrived since the last <see cref="Reset"/>.</summary>
    public long Posts => Interlocked.Read(ref posts);

    /// <summary>The <see cref="Stopwatch"/> timestamp of the last post, zero when none came.</summary>
    public long LastPostTicks => Interlocked.Read(ref lastPostTicks);

    public void Reset()
    {
        Interlocked.Exchange(ref posts, 0);
        Interlocked.Exchange(ref lastPostTicks, 0);
    }

    public Task<PostReceipt> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref posts);
        long seen;
        while ((seen = Interlocked.Read(ref lastPostTicks)) < now && Interlocked.CompareExchange(ref lastPostTicks, now, seen) != seen)
        {
            // another post raced this one; read again
        }

        return Task.FromResult(new PostReceipt(Interlocked.Increment(ref sequence).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public Task<PostReceipt?> FindPostedAsync(ChatAddress where, string occurrenceKey, PostWindow window, CancellationToken cancellationToken) =>
        Task.FromResult<PostReceipt?>(null);
}
