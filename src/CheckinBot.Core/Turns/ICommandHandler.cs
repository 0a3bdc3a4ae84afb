using CheckinBot.Core.Commands;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Messages;

namespace CheckinBot.Core.Turns;

/// <summary>
/// The use case of one command family. A handler names the commands it serves by implementing
/// <see cref="ICommandHandler{TCommand}"/> once for each; the router finds it by the parsed command's type.
/// </summary>
public interface ICommandHandler
{
    /// <summary>Answers the command with the messages it causes; the dispatcher posts them.</summary>
    Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, Command command, CancellationToken cancellationToken);

    /// <summary>
    /// True when the command works on a collaboration the sender is in (the router answers everyone else with one line);
    /// false for commands anyone may give.
    /// </summary>
    bool NeedsMembership(Command command) => true;

    /// <summary>
    /// True when the command only reads, so that answering it twice has no second effect: a turn its platform never sends
    /// again then needs no dedupe row (see <see cref="ChatTurn.NeverRetried"/>). False, the safe default, for anything
    /// that writes.
    /// </summary>
    bool OnlyReads(Command command) => false;
}
