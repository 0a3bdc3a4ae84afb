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
        CoreUseCases.RegisterShared((service, instance) => services.AddSingleton(service, instance), service => services.AddSingleton(service), delivery, pings ?? new PingOptions(), turns ?? new TurnOptions());
        CoreUseCases.RegisterPerTurn((service, implementation) => services.AddScoped(service, implementation), (service, factory) => services.AddScoped(service, factory));

        // The learned classifier's model is loaded here, at start, not at the first ping.
        var classifier = LearnedPingClassifier.Load();
        services.AddSingleton<IPingClassifier>(provider => new LoggedPingClassifier(classifier, provider.GetRequiredService<ILogger<LoggedPingClassifier>>()));
        return services;
    }
}
