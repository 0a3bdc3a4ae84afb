using CheckinBot.Core.Commands;

namespace CheckinBot.Core.Turns;

/// <summary>Says that a handler serves <typeparamref name="TCommand"/>; the router's table is built from these.</summary>
/// <typeparam name="TCommand">A command of the grammar.</typeparam>
#pragma warning disable CA1040 // A marker on purpose: the command type is the key, the handler's one method does the work.
public interface ICommandHandler<TCommand> : ICommandHandler
#pragma warning restore CA1040
    where TCommand : Command;
