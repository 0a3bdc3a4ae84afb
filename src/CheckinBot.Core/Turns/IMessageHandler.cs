using CheckinBot.Core.Messages;

namespace CheckinBot.Core.Turns;

/// <summary>Answers plain (non-command) messages in a collaboration's conversation or a direct conversation.</summary>
public interface IMessageHandler
{
    Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, CancellationToken cancellationToken);
}
