using System.Diagnostics;
using System.Text.Json;
using CheckinBot.Core.Occurrences;
using CheckinBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Bench.Burst;

/// <summary>
/// One CheckinBot node of a burst, in a process of its own so that its memory is read from outside: at 16:45 it plans
/// and sends the reminders, says it is armed, waits for the parent's "go", then runs the 17:00 cycle and reports its
/// figures; it exits when the parent has read its peak memory.
/// </summary>
internal static class BurstNode
{
    public const string Armed = "ARMED";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var store = BurstStore.Parse(args);
        var worker = BurstArguments.Text(args, "--worker", "node");
        using var sampler = args.Contains("--allocations") ? new AllocationSampler() : null;
        var time = new FakeTimeProvider((BurstWorld.Due - Duration.FromMinutes(15)).ToDateTimeOffset());
        var gateway = new RecordingGateway();
        await using var provider = BurstServices.Create(store, time, gateway, worker).BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        // 16:45: the planner writes the occurrences and the VAs get their reminders.
        var reminderRound = await CycleAsync(provider, BurstWorld.Due - Duration.FromMinutes(15));
        var prepared = $"planned {reminderRound.Planned:N0} occurrences, sent {reminderRound.Delivered.Reminders:N0} reminders at 16:45";
        gateway.Reset();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        Console.WriteLine(Armed);
        if (Console.ReadLine() != "go")
        {
            return 2;
        }

        // 17:00: the minute is due. Measured from here.
        time.SetUtcNow(BurstWorld.Due.ToDateTimeOffset());
        sampler?.Start();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await CycleAsync(provider, BurstWorld.Due);
        var finished = Stopwatch.GetTimestamp();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        sampler?.Stop();
        foreach (var line in sampler?.Top(25) ?? [])
        {
            await Console.Error.WriteLineAsync("allocated: " + line);
        }
        var last = gateway.LastPostTicks;
        var figures = new NodeFigures(
            gateway.Posts,
            last == 0 ? 0 : Stopwatch.GetElapsedTime(started, last).TotalSeconds,
            Stopwatch.GetElapsedTime(started, finished).TotalSeconds,
            prepared,
            allocatedBefore,
            GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore,
            Process.GetCurrentProcess().PeakWorkingSet64,
            cpu);
        Console.WriteLine(NodeFigures.Prefix + JsonSerializer.Serialize(figures));

        // The parent reads the peak from /proc while this process still exists.
        Console.ReadLine();
        return 0;
    }

    private static async Task<(int Planned, DeliveryReport Delivered)> CycleAsync(IServiceProvider provider, Instant now)
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliveryCycle>().RunAsync(now, CancellationToken.None);
    }
}
