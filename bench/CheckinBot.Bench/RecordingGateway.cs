using System.Collections.Concurrent;
using System.Diagnostics;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;

namespace CheckinBot.Bench;

/// <summary>A chat platform that only records what was posted, and when.</summary>
internal sealed class RecordingGateway : IChatGateway
{
    private long sequence;

    public const string Name = "bench";

    public string Platform => Name;

    public ConcurrentQueue<(OutboundMessage Message, long Ticks)> Posts { get; } = new();

    public Task<PostReceipt> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        Posts.Enqueue((message, Stopwatch.GetTimestamp()));
        return Task.FromResult(new PostReceipt(Interlocked.Increment(ref sequence).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public Task<PostReceipt?> FindPostedAsync(ChatAddress where, string occurrenceKey, PostWindow window, CancellationToken cancellationToken) =>
        Task.FromResult<PostReceipt?>(null);
}
