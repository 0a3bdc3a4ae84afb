using CheckinBot.Core.Messages;

namespace CheckinBot.Core.Delivery;

/// <summary>The registered gateways, one per platform; picks the one an address belongs to.</summary>
public sealed class ChatGateways
{
    private readonly Dictionary<string, IChatGateway> byPlatform;

    public ChatGateways(IEnumerable<IChatGateway> gateways)
    {
        byPlatform = gateways.ToDictionary(g => g.Platform, StringComparer.OrdinalIgnoreCase);
    }

    public IChatGateway For(string platform) =>
        byPlatform.TryGetValue(platform, out var gateway)
            ? gateway
            : throw new InvalidOperationException($"No chat gateway is registered for platform '{platform}'.");

    public Task<PostReceipt> PostAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        For(message.To.Platform).PostAsync(message, cancellationToken);
}
