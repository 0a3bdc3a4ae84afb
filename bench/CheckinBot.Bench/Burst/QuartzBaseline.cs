using System.Diagnostics;
using System.Text.Json;
using CheckinBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CheckinBot.Bench.Burst;

/// <summary>
/// The baseline the design turned down: every rhythm its own Quartz cron trigger (weekdays 17:00 in its zone) on Quartz's
/// SQLite job store in the same database, each firing a job that reads its rhythm and collaboration and posts the
/// update through the same gateway. Quartz is tuned as fairly as CheckinBot: as many threads as CheckinBot posts in
/// parallel, and batched trigger acquisition.
/// </summary>
internal static class QuartzBaseline
{
    private const int TriggersPerSave = 1_000;

    /// <summary>Writes one job and one cron trigger per agreed rhythm, as agreeing each rhythm would.</summary>
    public static async Task SeedAsync(BurstStore store, IReadOnlyList<(Guid Rhythm, Guid Collaboration)> rhythms)
    {
        await using var provider = Services(store, new FakeTimeProvider(BurstWorld.AgreedAt.ToDateTimeOffset()), new RecordingGateway()).BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var startAt = BurstWorld.AgreedAt.ToDateTimeOffset();
        foreach (var chunk in rhythms.Chunk(TriggersPerSave))
        {
            var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
            foreach (var rhythm in chunk)
            {
                var job = JobBuilder.Create<RhythmPostJob>()
                    .WithIdentity(rhythm.Rhythm.ToString("N"), "rhythms")
                    .UsingJobData(RhythmPostJob.RhythmKey, rhythm.Rhythm.ToString())
                    .UsingJobData(RhythmPostJob.CollaborationKey, rhythm.Collaboration.ToString())
                    .Build();
                var trigger = TriggerBuilder.Create()
                    .WithIdentity(rhythm.Rhythm.ToString("N"), "rhythms")
                    .StartAt(startAt)
                    .WithSchedule(CronScheduleBuilder.Create("0 0 17 ? * MON-FRI").InTimeZone(brussels))
                    .Build();
                jobs[job] = [trigger];
            }

            await scheduler.ScheduleJobs(jobs, new ScheduleJobOptions { Replace = true });
        }

        await scheduler.Shutdown(false);
    }

    /// <summary>The baseline's node: Quartz started two seconds before the due minute on a clock that reads 17:00 then.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var store = BurstStore.Parse(args);
        var expected = BurstArguments.Number(args, "--expected", 0);
        var cap = TimeSpan.FromSeconds(BurstArguments.Number(args, "--cap", 600));
        var lead = TimeSpan.FromSeconds(2);
        var clock = new OffsetClock(BurstWorld.Due.ToDateTimeOffset() - lead);
        var gateway = new RecordingGateway();
        await using var provider = Services(store, clock, gateway).BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        Console.WriteLine(BurstNode.Armed);
        if (Console.ReadLine() != "go")
        {
            return 2;
        }

        clock.Restart(BurstWorld.Due.ToDateTimeOffset() - lead);
        var due = Stopwatch.GetTimestamp() + (long)(lead.TotalSeconds * Stopwatch.Frequency);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await scheduler.Start();
        while (gateway.Posts < expected && Stopwatch.GetElapsedTime(due) < cap)
        {
            await Task.Delay(100);
        }

        var done = Stopwatch.GetTimestamp();
        await scheduler.Standby();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var last = gateway.LastPostTicks;
        var figures = new NodeFigures(
            gateway.Posts,
            last == 0 ? 0 : Stopwatch.GetElapsedTime(due, last).TotalSeconds,
            Stopwatch.GetElapsedTime(due, done).TotalSeconds,
            $"{expected:N0} cron triggers in Quartz's SQLite store",
            allocatedBefore,
            GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore,
            Process.GetCurrentProcess().PeakWorkingSet64,
            cpu);
        Console.WriteLine(NodeFigures.Prefix + JsonSerializer.Serialize(figures));
        Console.ReadLine();
        await scheduler.Shutdown(false);
        return 0;
    }

    private static ServiceCollection Services(BurstStore store, TimeProvider clock, RecordingGateway gateway)
    {
        var services = BurstServices.Create(store, clock, gateway, "quartz");
        var connection = StorageServiceCollectionExtensions.ConnectionStringFor(store.Options, store.Folder);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "CheckinBotBaseline");
            q.UseTimeProvider(clock);
            q.UseDefaultThreadPool(new Core.Occurrences.DeliveryOptions().Parallelism);
            q.UsePersistentStore(s =>
            {
                s.UseSqlite(connection);
                s.ProvisionSchema();
            });
        });
        return services;
    }
}
