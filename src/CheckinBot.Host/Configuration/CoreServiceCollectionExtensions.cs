using CheckinBot.Core.Collaborations;
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
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CheckinBot.Host.Configuration;

/// <summary>The core's use cases; the core itself knows no container.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddCheckinCore(this IServiceCollection services, DeliveryOptions delivery, PingOptions? pings = null)
    {
        services.AddSingleton(delivery);
        services.AddSingleton(pings ?? new PingOptions());
        services.AddSingleton<ChatGateways>();
        services.AddSingleton(new TurnInbox());
        services.AddScoped<TurnRouter>();
        services.AddScoped<TurnDispatcher>();
        services.AddScoped<CollaborationCommands>();
        services.AddScoped<AgreementCommands>();
        services.AddScoped<StatusCommands>();
        services.AddScoped<DraftCommands>();
        services.AddScoped<TaskCommands>();
        services.AddScoped<FocusCommands>();
        services.AddScoped<ReminderActions>();
        services.AddScoped<PrivacyCommands>();
        services.AddScoped<HealthCommands>();
        // The learned classifier's model is loaded here, at start, not at the first ping.
        var classifier = LearnedPingClassifier.Load();
        services.AddSingleton<IPingClassifier>(provider => new LoggedPingClassifier(classifier, provider.GetRequiredService<ILogger<LoggedPingClassifier>>()));
        services.AddScoped<OutlookReader>();
        services.AddScoped<UrgentEscalation>();
        services.AddScoped<IWorkStatus, TaskWorkStatus>();
        services.AddScoped<IMessageHandler, PingResponder>();
        return services;
    }
}
