using System.Collections.Concurrent;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;

namespace CheckinBot.Testing;

/// <summary>A chat gateway that records what it is asked to post, optionally taking its time.</summary>
public sealed class RecordingGateway(string platform) : IChatGateway
{
    private int posts;

    public ConcurrentQueue<OutboundMessage> Posted { get; } = new();

    public string Platform => platform;

    /// <summary>How long each post takes.</summary>
    public TimeSpan Delay { get; set; }

    public async Task<PostReceipt> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        Posted.Enqueue(message);
        return new PostReceipt("p" + Interlocked.Increment(ref posts));
    }

    public Task<PostReceipt?> FindPostedAsync(ChatAddress where, string occurrenceKey, PostWindow window, CancellationToken cancellationToken) =>
        Task.FromResult<PostReceipt?>(null);
}
