using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Drafts;
using CheckinBot.Core.Focus;
using CheckinBot.Core.Health;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Pings;
using CheckinBot.Core.Privacy;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Tasks;

namespace CheckinBot.Core.Turns;

/// <summary>
/// The core's use cases as a list for a container: the core knows no container, so the host (and the test kit) register
/// what this names, and both see the same handlers.
/// </summary>
public static class CoreUseCases
{
    /// <summary>
    /// Hands a container what all turns share, one instance for the process: the options as given (<paramref name="instance"/>),
    /// the turn inbox sized by <paramref name="turns"/>, and each type of <see cref="Shared"/> (<paramref name="singleton"/>).
    /// </summary>
    public static void RegisterShared(Action<Type, object> instance, Action<Type> singleton, DeliveryOptions delivery, PingOptions pings, TurnOptions turns)
    {
        instance(typeof(DeliveryOptions), delivery);
        instance(typeof(PingOptions), pings);
        instance(typeof(TurnOptions), turns);
        instance(typeof(TurnInbox), new TurnInbox(turns.QueueCapacity));
        foreach (var type in Shared)
        {
            singleton(type);
        }
    }

    /// <summary>
    /// Hands a container what one turn uses, one instance per turn: <paramref name="scoped"/> gets each (service,
    /// implementation) of <see cref="PerTurn"/> and each of <see cref="CommandHandlers"/> as itself;
    /// <paramref name="scopedFactory"/> gets each handler again as <see cref="ICommandHandler"/>, resolved to that same
    /// instance; a <see cref="CommandTable"/> per turn that builds only the handler its command needs; and the
    /// <see cref="IMessageHandler"/>, built only when a plain message needs it (<see cref="MessageHandlerOnDemand"/>). The core
    /// references no container library, so the host and the test kit both register through this.
    /// </summary>
    public static void RegisterPerTurn(Action<Type, Type> scoped, Action<Type, Func<IServiceProvider, object>> scopedFactory)
    {
        foreach (var (service, implementation) in PerTurn)
        {
            scoped(service, implementation);
        }

        foreach (var handler in CommandHandlers)
        {
            scoped(handler, handler);
            scopedFactory(typeof(ICommandHandler), provider => Resolved<ICommandHandler>(provider, handler));
        }

        // A turn builds its message handler only when it answers a plain message, not for every command.
        // Both resolve from the turn's own scope when asked, without a closure per turn.
        scopedFactory(typeof(IMessageHandler), provider => new MessageHandlerOnDemand(provider, typeof(PingResponder)));

        // The table's map is read once; a turn's table builds only the handler its command needs.
        var map = CommandTable.MapOf(CommandHandlers);
        scopedFactory(typeof(CommandTable), provider => new CommandTable(map, provider));
    }

    /// <summary>The instance of <paramref name="type"/> in <paramref name="provider"/>, as a <typeparamref name="T"/>; throws when it is not registered.</summary>
    internal static T Resolved<T>(IServiceProvider provider, Type type)
        where T : class =>
        provider.GetService(type) as T ?? throw new InvalidOperationException($"{type.Name} is not registered.");

    /// <summary>One handler per command family; the router's table is read from the command types each declares.</summary>
    public static IReadOnlyList<Type> CommandHandlers { get; } =
    [
        typeof(UsageHandler),
        typeof(CollaborationCommands),
        typeof(AgreementCommands),
        typeof(StatusCommands),
        typeof(DraftCommands),
        typeof(TaskCommands),
        typeof(FocusCommands),
        typeof(ReminderActions),
        typeof(PrivacyCommands),
        typeof(HealthCommands),
        typeof(UrgentEscalation),
    ];

    /// <summary>What all turns share, one instance for the process.</summary>
    public static IReadOnlyList<Type> Shared { get; } =
    [
        typeof(ChatGateways),
        typeof(DirectoryAsks),
        typeof(PendingIntroductions),
        typeof(RecentReads),
    ];

    /// <summary>What one turn uses, as (service, implementation), one instance per turn.</summary>
    public static IReadOnlyList<(Type Service, Type Implementation)> PerTurn { get; } =
    [
        (typeof(TurnRouter), typeof(TurnRouter)),
        (typeof(TurnDispatcher), typeof(TurnDispatcher)),
        (typeof(TurnRunner), typeof(TurnRunner)),
        (typeof(Introductions), typeof(Introductions)),
        (typeof(OutlookReader), typeof(OutlookReader)),
        (typeof(IWorkStatus), typeof(TaskWorkStatus)),
        (typeof(PingResponder), typeof(PingResponder)),
    ];
}
