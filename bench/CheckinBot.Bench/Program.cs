// Burst benchmark: 10,000 rhythms due in the same minute across 1,000 conversations, delivered through the
// production planner, ledger, delivery workers and IChatGateway (a gateway that only records), on SQLite.
// With "classifier" as the first argument: the ping classifier's speed over the corpora (see ClassifierBench).
// With "startup": the published host's start to ready on SQLite (see StartupBench); further arguments go to dotnet publish.
// With "peers": CheckinBot beside Bolt-JS and botbuilder-js on Slack and Teams (see Peers/PeersBench).
using System.Diagnostics;
using System.Globalization;
using CheckinBot.Bench;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;
using CheckinBot.Scheduling;
using CheckinBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

if (args is ["startup", .. var publishArguments])
{
    return await StartupBench.RunAsync(publishArguments);
}

if (args is ["peers", .. var peerArgs])
{
    return await CheckinBot.Bench.Peers.PeersBench.RunAsync(peerArgs);
}

if (args is ["classifier", .. var corpora])
{
    ClassifierBench.Run(corpora.Length > 0 ? corpora : Directory.GetFiles(Path.Combine("src", "CheckinBot.Pings", "Corpora"), "*.tsv"));
    return 0;
}

var conversations = Arg("--conversations", 1_000);
var perConversation = Arg("--rhythms-per-conversation", 10);
var folder = Path.Combine(Path.GetTempPath(), "checkinbot-bench", Guid.NewGuid().ToString("N"));

// Monday 30 November 2026, 17:00 in Brussels.
var due = Instant.FromUtc(2026, 11, 30, 16, 0);
var time = new FakeTimeProvider((due - Duration.FromHours(1)).ToDateTimeOffset());
var gateway = new RecordingGateway();

var services = new ServiceCollection();
services.AddLogging();
var connection = services.AddStorage(new StorageOptions(), folder);
services.AddScheduling(new SchedulingOptions { RunScheduler = false }, postgres: false, connection);
services.RemoveAll<TimeProvider>();
services.AddSingleton<TimeProvider>(time);
services.AddSingleton(new DeliveryOptions());
services.AddSingleton<IChatGateway>(gateway);
services.AddSingleton<ChatGateways>();
await using var provider = services.BuildServiceProvider();
await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

Console.WriteLine($"Agreeing {conversations * perConversation:N0} rhythms in {conversations:N0} conversations (SQLite at {folder}) …");
await AgreeAsync(provider, conversations, perConversation, Instant.FromDateTimeOffset(time.GetUtcNow()));

// 16:45: the planner writes the occurrences and the VAs get their reminders (not measured).
var reminderRound = await CycleAsync(provider, due - Duration.FromMinutes(15));
Console.WriteLine($"Planned {reminderRound.Planned:N0} occurrences; {reminderRound.Delivered.Reminders:N0} reminders sent at 16:45.");
gateway.Posts.Clear();

// 17:00: the minute is due. Measured from here to the last recorded post.
GC.Collect();
var started = Stopwatch.GetTimestamp();
var round = await CycleAsync(provider, due);
var finished = Stopwatch.GetTimestamp();
var lastPost = gateway.Posts.Max(p => p.Ticks);

var expected = conversations * perConversation;
Console.WriteLine();
Console.WriteLine($"posts recorded:              {gateway.Posts.Count:N0} of {expected:N0} (ledger says posted {round.Delivered.Posted:N0}, failed {round.Delivered.Failures.Count:N0})");
Console.WriteLine($"due minute → last post:      {Stopwatch.GetElapsedTime(started, lastPost).TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s");
Console.WriteLine($"due minute → all recorded:   {Stopwatch.GetElapsedTime(started, finished).TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s (target: 30 s)");
Console.WriteLine($"posts per second:            {(gateway.Posts.Count / Stopwatch.GetElapsedTime(started, finished).TotalSeconds).ToString("F0", CultureInfo.InvariantCulture)}");
Console.WriteLine($"peak working set:            {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB");
Console.WriteLine($"allocated in total:          {GC.GetTotalAllocatedBytes() / (1024 * 1024):N0} MiB");

await provider.DisposeAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
return gateway.Posts.Count == expected ? 0 : 1;

static async Task<(int Planned, DeliveryReport Delivered)> CycleAsync(IServiceProvider provider, Instant now)
{
    await using var scope = provider.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<DeliveryCycle>().RunAsync(now, CancellationToken.None);
}

static async Task AgreeAsync(IServiceProvider provider, int conversations, int perConversation, Instant now)
{
    for (var c = 0; c < conversations; c++)
    {
        await using var scope = provider.CreateAsyncScope();
        var collaborations = scope.ServiceProvider.GetRequiredService<ICollaborationStore>();
        var rhythms = scope.ServiceProvider.GetRequiredService<IRhythmStore>();
        var collaboration = new Collaboration
        {
            Id = Guid.NewGuid(),
            Platform = RecordingGateway.Name,
            WorkspaceId = "W" + (c % 10).ToString(CultureInfo.InvariantCulture),
            ConversationId = "C" + c.ToString(CultureInfo.InvariantCulture),
            VaId = "va" + c.ToString(CultureInfo.InvariantCulture),
            ClientIds = ["client" + c.ToString(CultureInfo.InvariantCulture)],
            TimeZone = "Europe/Brussels",
            Language = (c % 3) switch { 0 => "nl", 1 => "en", _ => "fr" },
            CreatedAt = now,
        };
        await collaborations.AddAsync(collaboration, CancellationToken.None);
        var batch = new List<Rhythm>(perConversation);
        for (var r = 1; r <= perConversation; r++)
        {
            var rhythm = Rhythm.Propose(collaboration.Id, r, RhythmKind.Update, Days.Weekdays, new LocalTime(17, 0), "Europe/Brussels",
                collaboration.VaId, Side.Va, now);
            rhythm.Accept(collaboration.ClientIds[0], Side.Client, now);
            batch.Add(rhythm);
        }

        await rhythms.SaveAsync(batch, CancellationToken.None);
    }
}

int Arg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
