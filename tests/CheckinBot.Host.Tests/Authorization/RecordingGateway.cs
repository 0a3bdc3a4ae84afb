using System.Collections.Concurrent;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;

namespace CheckinBot.Host.Tests.Authorization;

/// <summary>The gateway of the matrix's platform: keeps what would be posted.</summary>
public sealed class RecordingGateway : IChatGateway
{
    public ConcurrentQueue<OutboundMessage> Posted { get; } = new();

    public string Platform => AuthorizationWorld.Platform;

    public Task<PostReceipt> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        Posted.Enqueue(message);
        return Task.FromResult(new PostReceipt("post-" + Posted.Count));
    }

    public Task<PostReceipt?> FindPostedAsync(ChatAddress where, string occurrenceKey, CancellationToken cancellationToken) =>
        Task.FromResult<PostReceipt?>(null);
}
