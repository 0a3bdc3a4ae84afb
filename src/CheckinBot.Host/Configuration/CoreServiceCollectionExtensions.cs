using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Drafts;
using CheckinBot.Core.Focus;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Privacy;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Tasks;
using CheckinBot.Core.Turns;

namespace CheckinBot.Host.Configuration;

/// <summary>The core's use cases; the core itself knows no container.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddCheckinCore(this IServiceCollection services, DeliveryOptions delivery)
    {
        services.AddSingleton(delivery);
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
        services.AddScoped<IMessageHandler, SilentMessageHandler>();
        return services;
    }
}
