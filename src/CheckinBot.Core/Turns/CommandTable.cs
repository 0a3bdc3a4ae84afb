using System.Collections.Concurrent;
using CheckinBot.Core.Commands;

namespace CheckinBot.Core.Turns;

/// <summary>
/// Which handler serves which command type: read from the <see cref="ICommandHandler{TCommand}"/> interfaces each
/// handler implements. There is no catch-all; a command without a handler is a bug that a test finds. Built from handler
/// types, the table resolves only the handler a turn's command needs: a turn no longer builds every handler (and all
/// their stores) to answer <c>help</c>.
/// </summary>
public sealed class CommandTable
{
    private static readonly ConcurrentDictionary<Type, Type[]> Declared = new();

    private readonly IReadOnlyDictionary<Type, Type> handlerOf;
    private readonly IServiceProvider handlers;
    private Type[]? commands;

    /// <summary>
    /// A table over handler types read once (<see cref="MapOf"/>), whose handlers come from <paramref name="handlers"/>
    /// (a turn's scope) by their types, when a command first needs one (a scope gives the same instance each time).
    /// </summary>
    public CommandTable(IReadOnlyDictionary<Type, Type> handlerOf, IServiceProvider handlers)
    {
        this.handlerOf = handlerOf;
        this.handlers = handlers;
    }

    /// <summary>A table of handlers already built (tests, and hosts that build their handlers themselves).</summary>
    /// <exception cref="InvalidOperationException">When two handlers serve one command type.</exception>
    public static CommandTable Of(IEnumerable<ICommandHandler> handlers)
    {
        var built = new Dictionary<Type, ICommandHandler>();
        var types = new List<Type>();
        foreach (var handler in handlers)
        {
            types.Add(handler.GetType());
            built.TryAdd(handler.GetType(), handler);
        }

        return new CommandTable(MapOf(types), new Built(built));
    }

    /// <summary>The command types in the table, listed once, on the first read.</summary>
    public IReadOnlyCollection<Type> Commands => commands ??= [.. handlerOf.Keys];

    /// <summary>Each command type, with the type of the one handler that serves it.</summary>
    /// <exception cref="InvalidOperationException">When two handlers serve one command type.</exception>
    public static IReadOnlyDictionary<Type, Type> MapOf(IEnumerable<Type> handlerTypes)
    {
        var map = new Dictionary<Type, Type>();
        foreach (var handler in handlerTypes)
        {
            foreach (var command in CommandsOf(handler))
            {
                if (!map.TryAdd(command, handler))
                {
                    throw new InvalidOperationException($"{command.Name} is served by both {map[command].Name} and {handler.Name}.");
                }
            }
        }

        return map;
    }

    /// <summary>The handler of a command.</summary>
    /// <exception cref="InvalidOperationException">When no handler serves the command's type.</exception>
    public ICommandHandler For(Command command) =>
        handlerOf.TryGetValue(command.GetType(), out var handler)
            ? Resolve(handler)
            : throw new InvalidOperationException($"No handler serves {command.GetType().Name}.");

    /// <summary>True when the command's handler says it only reads; false for a command without a handler (it fails when run).</summary>
    public bool OnlyReads(Command command) => handlerOf.TryGetValue(command.GetType(), out var handler) && Resolve(handler).OnlyReads(command);

    private ICommandHandler Resolve(Type handler) => CoreUseCases.Resolved<ICommandHandler>(handlers, handler);

    /// <summary>The command types a handler type declares it serves (read once per type).</summary>
    public static IEnumerable<Type> CommandsOf(Type handlerType) =>
        Declared.GetOrAdd(handlerType, static type => type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommandHandler<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToArray());

    /// <summary>Handlers built beforehand, found by their own types.</summary>
    private sealed class Built(Dictionary<Type, ICommandHandler> handlers) : IServiceProvider
    {
        public object? GetService(Type serviceType) => handlers.GetValueOrDefault(serviceType);
    }
}
