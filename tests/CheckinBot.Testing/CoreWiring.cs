using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Pings;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Testing;

/// <summary>
/// The core's use cases in a container, from the core's own list (<see cref="CoreUseCases"/>) as the host registers them,
/// with the planner and delivery the scheduler adds, and a classifier the test chooses (scripted unless given): for test
/// hosts that must not depend on the host.
/// </summary>
public static class CoreWiring
{
    public static IServiceCollection AddCoreUseCases(this IServiceCollection services, string workerId, IPingClassifier? classifier = null)
    {
        CoreUseCases.RegisterShared((service, instance) => services.AddSingleton(service, instance), service => services.AddSingleton(service), new DeliveryOptions { WorkerId = workerId }, new PingOptions(), new TurnOptions());
        services.AddSingleton<IPingClassifier>(classifier ?? new ScriptedPingClassifier());
        CoreUseCases.RegisterPerTurn((service, implementation) => services.AddScoped(service, implementation), (service, factory) => services.AddScoped(service, factory));

        services.AddScoped<Schedule>();
        services.AddScoped<OccurrencePlanner>();
        services.AddScoped<OccurrenceDelivery>();
        return services;
    }
}
