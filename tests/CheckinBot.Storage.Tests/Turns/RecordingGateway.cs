using System.Collections.Concurrent;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;

namespace CheckinBot.Storage.Tests.Turns;

/// <summary>Slack as far as the core can tell: records every post.</summary>
public sealed class RecordingGateway : IChatGateway
{
    public ConcurrentQueue<OutboundMessage> Posts { get; } = new();

    public string Platform => "slack";

    public Task<PostReceipt> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        Posts.Enqueue(message);
        return Task.FromResult(new PostReceipt(Guid.NewGuid().ToString("N")));
    }

    public Task<PostReceipt?> FindPostedAsync(ChatAddress where, string occurrenceKey, CancellationToken cancellationToken) =>
        Task.FromResult<PostReceipt?>(null);
}
