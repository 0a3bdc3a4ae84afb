using System.Collections.Concurrent;
using CheckinBot.Core.Commands;

namespace CheckinBot.Core.Turns;

/// <summary>
/// Which handler serves which command type: read from the <see cref="ICommandHandler{TCommand}"/> interfaces each
/// handler implements. There is no catch-all; a command without a handler is a bug that a test finds.
/// </summary>
public sealed class CommandTable
{
    private static readonly ConcurrentDictionary<Type, Type[]> Declared = new();

    private readonly Dictionary<Type, ICommandHandler> byCommand = [];

    public CommandTable(IEnumerable<ICommandHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            foreach (var command in CommandsOf(handler.GetType()))
            {
                if (!byCommand.TryAdd(command, handler))
                {
                    throw new InvalidOperationException(
                        $"{command.Name} is served by both {byCommand[command].GetType().Name} and {handler.GetType().Name}.");
                }
            }
        }
    }

    /// <summary>The command types in the table.</summary>
    public IReadOnlyCollection<Type> Commands => byCommand.Keys;

    /// <summary>The handler of a command.</summary>
    /// <exception cref="InvalidOperationException">When no handler serves the command's type.</exception>
    public ICommandHandler For(Command command) =>
        byCommand.TryGetValue(command.GetType(), out var handler)
            ? handler
            : throw new InvalidOperationException($"No handler serves {command.GetType().Name}.");

    /// <summary>The command types a handler type declares it serves (read once per type: the table is built every turn).</summary>
    public static IEnumerable<Type> CommandsOf(Type handlerType) =>
        Declared.GetOrAdd(handlerType, static type => type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommandHandler<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToArray());
}
