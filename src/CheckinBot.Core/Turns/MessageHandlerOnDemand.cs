using CheckinBot.Core.Messages;

namespace CheckinBot.Core.Turns;

/// <summary>
/// A turn's message handler, built from the turn's scope when a plain message first needs it. Every turn's router takes
/// a message handler, but most turns are commands: they no longer build the ping responder and the stores behind it
/// (about 1.5 KB a command, which fed the open loop's collections, issue 11).
/// </summary>
public sealed class MessageHandlerOnDemand(Func<IMessageHandler> build) : IMessageHandler
{
    private IMessageHandler? built;

    public Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, CancellationToken cancellationToken) =>
        (built ??= build()).HandleAsync(context, cancellationToken);
}
