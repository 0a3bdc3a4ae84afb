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
using CheckinBot.Core.Turns;
using CheckinBot.Pings;

namespace CheckinBot.Host.Configuration;

/// <summary>The core's use cases; the core itself knows no container.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddCheckinCore(this IServiceCollection services, DeliveryOptions delivery, PingOptions? pings = null, TurnOptions? turns = null)
    {
        turns ??= new TurnOptions();
        services.AddSingleton(delivery);
        services.AddSingleton(pings ?? new PingOptions());
        services.AddSingleton(turns);
        services.AddSingleton<ChatGateways>();
        services.AddSingleton(new TurnInbox(turns.QueueCapacity));
        services.AddScoped<TurnRouter>();
        services.AddScoped<TurnDispatcher>();
        services.AddScoped<TurnRunner>();
        services.AddScoped<Introductions>();

        // One handler per command family; the router's table is read from the command types each declares.
        services.AddCommandHandler<UsageHandler>();
        services.AddCommandHandler<CollaborationCommands>();
        services.AddCommandHandler<AgreementCommands>();
        services.AddCommandHandler<StatusCommands>();
        services.AddCommandHandler<DraftCommands>();
        services.AddCommandHandler<TaskCommands>();
        services.AddCommandHandler<FocusCommands>();
        services.AddCommandHandler<ReminderActions>();
        services.AddCommandHandler<PrivacyCommands>();
        services.AddCommandHandler<HealthCommands>();
        services.AddCommandHandler<UrgentEscalation>();

        // The learned classifier's model is loaded here, at start, not at the first ping.
        var classifier = LearnedPingClassifier.Load();
        services.AddSingleton<IPingClassifier>(provider => new LoggedPingClassifier(classifier, provider.GetRequiredService<ILogger<LoggedPingClassifier>>()));
        services.AddScoped<OutlookReader>();
        services.AddScoped<IWorkStatus, TaskWorkStatus>();
        services.AddScoped<IMessageHandler, PingResponder>();
        return services;
    }

    /// <summary>Registers a command handler (scoped), reachable as itself and as one of the router's handlers.</summary>
    public static IServiceCollection AddCommandHandler<THandler>(this IServiceCollection services)
        where THandler : class, ICommandHandler
    {
        services.AddScoped<THandler>();
        services.AddScoped<ICommandHandler>(provider => provider.GetRequiredService<THandler>());
        return services;
    }
}
