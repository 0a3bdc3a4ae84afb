using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Pings;
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
        services.AddSingleton<DirectoryAsks>();
        services.AddSingleton<PendingIntroductions>();
        services.AddSingleton<RecentReads>();
        CoreUseCases.RegisterPerTurn((service, implementation) => services.AddScoped(service, implementation), (service, factory) => services.AddScoped(service, factory));

        // The learned classifier's model is loaded here, at start, not at the first ping.
        var classifier = LearnedPingClassifier.Load();
        services.AddSingleton<IPingClassifier>(provider => new LoggedPingClassifier(classifier, provider.GetRequiredService<ILogger<LoggedPingClassifier>>()));
        return services;
    }
}
