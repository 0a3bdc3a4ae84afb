using CheckinBot.Core.Messages;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Commands;

/// <summary><c>help</c>, and the usage line with an example for input that is not a command; for anyone.</summary>
public sealed class UsageHandler : ICommandHandler<HelpCommand>, ICommandHandler<InvalidCommand>
{
    public Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, Command command, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboundMessage>>(command switch
        {
            InvalidCommand invalid => [context.ToSender(Usage.For(context, invalid))],
            _ => [context.ToSender(Usage.Help(context))],
        });

    public bool NeedsMembership(Command command) => false;

    public bool OnlyReads(Command command) => true;
}
