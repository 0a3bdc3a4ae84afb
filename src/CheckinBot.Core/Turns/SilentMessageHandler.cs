using CheckinBot.Core.Messages;

namespace CheckinBot.Core.Turns;

/// <summary>Leaves plain messages unanswered: the default until ping answering is registered.</summary>
public sealed class SilentMessageHandler : IMessageHandler
{
    public Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboundMessage>>([]);
}
