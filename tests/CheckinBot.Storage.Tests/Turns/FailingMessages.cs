using CheckinBot.Core.Messages;
using CheckinBot.Core.Turns;

namespace CheckinBot.Storage.Tests.Turns;

/// <summary>A message handler that throws for its first <see cref="Failures"/> turns (a database gone away, a bug), then answers.</summary>
public sealed class FailingMessages
{
    private int failures;

    public int Failures { get => failures; set => failures = value; }

    public int Answered { get; private set; }

    public IReadOnlyList<OutboundMessage> Handle(TurnContext context)
    {
        if (Interlocked.Decrement(ref failures) >= 0)
        {
            throw new InvalidOperationException("The turn failed.");
        }

        Answered++;
        return [context.ToSender("heard you")];
    }

    /// <summary>The port's face of this handler, one per scope.</summary>
    public sealed class Port(FailingMessages messages) : IMessageHandler
    {
        public Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, CancellationToken cancellationToken) =>
            Task.FromResult(messages.Handle(context));
    }
}
