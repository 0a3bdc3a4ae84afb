using CheckinBot.Core.Delivery;
using CheckinBot.Core.Occurrences;
using CheckinBot.Scheduling;
using CheckinBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CheckinBot.Bench.Burst;

/// <summary>The production storage, planner, ledger and delivery, wired as the host wires them, around the bench's clock and gateway.</summary>
internal static class BurstServices
{
    public static ServiceCollection Create(BurstStore store, TimeProvider time, RecordingGateway gateway, string workerId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var connection = services.AddStorage(store.Options, store.Folder);
        services.AddScheduling(new SchedulingOptions { RunScheduler = false }, store.Options.IsPostgres, connection);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(time);
        services.AddSingleton(new DeliveryOptions { WorkerId = workerId });
        services.AddSingleton<IChatGateway>(gateway);
        services.AddSingleton<ChatGateways>();
        return services;
    }
}
