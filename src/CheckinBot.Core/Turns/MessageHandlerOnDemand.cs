using CheckinBot.Core.Messages;

namespace CheckinBot.Core.Turns;

/// <summary>
/// A turn's message handler, built from the turn's scope when a plain message first needs it. Every turn's router takes
/// a message handler, but most turns are commands: they no longer build the ping responder and the stores behind it
/// (about 1.5 KB a command, which fed the open loop's collections, issue 11).
/// </summary>
/// <param name="services">A turn's scope, from which the handler is resolved when first needed, without a closure per turn.</param>
/// <param name="handler">The handler's registered type.</param>
public sealed class MessageHandlerOnDemand(IServiceProvider services, Type handler) : IMessageHandler
{
    private IMessageHandler? built;

    public Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, CancellationToken cancellationToken) =>
        (built ??= CoreUseCases.Resolved<IMessageHandler>(services, handler)).HandleAsync(context, cancellationToken);
}
