using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;
using CheckinBot.Scheduling;
using CheckinBot.Storage;
using CheckinBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Scheduling.Tests;

/// <summary>Planner and delivery on a real database (a SQLite file unless told otherwise), posting to a gateway that records.</summary>
public sealed class DeliveryHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private DeliveryHarness(ServiceProvider services, RecordingGateway gateway, string folder, FakeTimeProvider time)
    {
        this.services = services;
        Gateway = gateway;
        Folder = folder;
        Time = time;
    }

    public RecordingGateway Gateway { get; }
    public string Folder { get; }

    /// <summary>This node's clock: the bot's now, for everything but <see cref="RunAtAsync"/>, which is told its now.</summary>
    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => services;
    public Guid CollaborationId { get; private set; }

    /// <summary>Every collaboration agreed through this harness, in order.</summary>
    public List<Guid> CollaborationIds { get; } = [];

    public static async Task<DeliveryHarness> StartAsync(string? folder = null, string workerId = "worker-1", RecordingGateway? gateway = null,
        StorageOptions? storage = null, Instant? now = null, IChatGateway? platform = null, Action<DeliveryOptions>? delivery = null)
    {
        folder ??= Path.Combine(Path.GetTempPath(), "checkinbot-scheduling-tests", Guid.NewGuid().ToString("N"));
        gateway ??= new RecordingGateway();
        var time = new FakeTimeProvider((now ?? Instant.FromUtc(2026, 11, 30, 9, 0)).ToDateTimeOffset());
        var options = new DeliveryOptions { WorkerId = workerId };
        delivery?.Invoke(options);
        var collection = new ServiceCollection();
        collection.AddLogging();
        var connection = collection.AddStorage(storage ?? new StorageOptions(), folder);
        collection.AddScheduling(new SchedulingOptions { RunScheduler = false }, postgres: false, connection);
        collection.RemoveAll<TimeProvider>();
        collection.AddSingleton<TimeProvider>(time);
        collection.AddSingleton(options);
        collection.AddSingleton<IChatGateway>(platform ?? gateway);
        collection.AddSingleton<ChatGateways>();
        var provider = collection.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new DeliveryHarness(provider, gateway, folder, time);
    }

    /// <summary>Ina and Tom in conversation C1, with rhythms agreed at <paramref name="agreedAt"/>.</summary>
    public async Task AgreeAsync(Instant agreedAt, int count = 1, string conversation = "C1", Days days = Days.Weekdays, int hour = 17)
    {
        await using var scope = services.CreateAsyncScope();
        var collaborations = scope.ServiceProvider.GetRequiredService<ICollaborationStore>();
        var collaboration = new Collaboration
        {
            Id = Guid.NewGuid(),
            Platform = RecordingGateway.DefaultPlatform,
            WorkspaceId = "T1",
            ConversationId = conversation,
            VaId = "ina",
            ClientIds = ["tom"],
            TimeZone = "Europe/Brussels",
            Language = "en",
            CreatedAt = agreedAt,
        };
        await collaborations.AddAsync(collaboration, CancellationToken.None);
        CollaborationId = collaboration.Id;
        CollaborationIds.Add(collaboration.Id);
        var rhythms = Enumerable.Range(1, count).Select(n =>
        {
            var rhythm = Rhythm.Propose(collaboration.Id, n, RhythmKind.Update, days, new LocalTime(hour, 0), "Europe/Brussels", "ina", Side.Va, agreedAt);
            rhythm.Accept("tom", Side.Client, agreedAt);
            return rhythm;
        }).ToList();
        await scope.ServiceProvider.GetRequiredService<IRhythmStore>().SaveAsync(rhythms, CancellationToken.None);
    }

    public async Task<DeliveryReport> RunAtAsync(Instant now)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<DeliveryCycle>().RunAsync(now, CancellationToken.None)).Delivered;
    }

    /// <summary>Plans what falls due up to the horizon from <paramref name="now"/>, as the every-minute job does.</summary>
    public Task<int> PlanAtAsync(Instant now) => WithAsync(sp => sp.GetRequiredService<OccurrencePlanner>().PlanAsync(now, CancellationToken.None));

    /// <summary>This node's delivery loop, not started, looking at the ledger at least every <paramref name="poll"/>.</summary>
    public DeliveryLoop Loop(TimeSpan poll) => ActivatorUtilities.CreateInstance<DeliveryLoop>(services, new SchedulingOptions { DeliveryPoll = poll });

    /// <summary>The occurrences of every collaboration agreed through this harness, due between the two instants.</summary>
    public Task<List<Occurrence>> LedgerAsync(Instant from, Instant to) => WithAsync(async sp =>
    {
        var rows = new List<Occurrence>();
        foreach (var id in CollaborationIds)
        {
            rows.AddRange(await sp.GetRequiredService<IOccurrenceLedger>().ListByCollaborationAsync(id, from, to, CancellationToken.None));
        }

        return rows;
    });

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync() => await services.DisposeAsync();
}
