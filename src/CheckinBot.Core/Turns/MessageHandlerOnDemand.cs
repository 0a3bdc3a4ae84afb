using CheckinBot.Core.Messages;

namespace CheckinBot.Core.Turns;

/// <summary>
/// A turn's message handler, built from the turn's scope when a plain message first needs it. Every turn's router takes
/// a message handler, but most turns are commands: they no longer build the ping responder and the stores behind it
/// (about 1.5 KB a command, which fed the open loop's collections, issue 11).
/// </summary>
public sealed class MessageHandlerOnDemand : IMessageHandler
{
    private readonly Func<IMessageHandler>? build;
    private readonly IServiceProvider? services;
    private readonly Type? handler;
    private IMessageHandler? built;

    public MessageHandlerOnDemand(Func<IMessageHandler> build) => this.build = build;

    /// <summary>The handler of type <paramref name="handler"/> from <paramref name="services"/> (a turn's scope), without a closure per turn.</summary>
    public MessageHandlerOnDemand(IServiceProvider services, Type handler)
    {
        this.services = services;
        this.handler = handler;
    }

    public Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, CancellationToken cancellationToken) =>
        (built ??= build?.Invoke() ?? CoreUseCases.Resolved<IMessageHandler>(services!, handler!)).HandleAsync(context, cancellationToken);
}
