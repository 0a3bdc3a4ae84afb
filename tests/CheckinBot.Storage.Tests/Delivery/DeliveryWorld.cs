using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>
/// Delivery on one provider's database: collaborations with an update due at <see cref="Due"/> (Tuesday 1 December 2026,
/// 17:00 in Brussels), one shared <see cref="FakePlatform"/>, and nodes that each have their own clock and gateway.
/// </summary>
public sealed class DeliveryWorld : IAsyncDisposable
{
    public static readonly Instant Due = Instant.FromUtc(2026, 12, 1, 16, 0);

    private readonly List<ServiceProvider> nodes = [];
    private readonly List<GatedGateway> gateways = [];

    private DeliveryWorld(StorageFixture database) => Database = database;

    public StorageFixture Database { get; }

    /// <summary>The platform's own clock: the time it gives each post.</summary>
    public FakeTimeProvider PlatformClock { get; } = new(Due.ToDateTimeOffset());

    public FakePlatform Platform => platform ??= new FakePlatform(PlatformClock);

    private FakePlatform? platform;

    public static async Task<DeliveryWorld> StartAsync(Func<Task<StorageFixture>> create) => new(await create());

    /// <summary>A node: its own services on the database, its own clock (at <paramref name="at"/>) and its own gateway.</summary>
    public DeliveryNode Node(string name, Instant at, Action<DeliveryOptions>? configure = null)
    {
        var options = new DeliveryOptions { WorkerId = name };
        configure?.Invoke(options);
        var clock = new FakeTimeProvider(at.ToDateTimeOffset());
        var gateway = new GatedGateway(Platform);
        gateways.Add(gateway);
        var services = Database.AnotherNode(s =>
        {
            s.AddSingleton(options);
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<IChatGateway>(gateway);
            s.AddSingleton<ChatGateways>();
            s.AddScoped<OccurrencePlanner>();
            s.AddScoped<OccurrenceDelivery>();
            s.AddScoped<DeliveryCycle>();
        });
        nodes.Add(services);
        return new DeliveryNode(services, clock, gateway, options);
    }

    /// <summary>
    /// <paramref name="count"/> updates due at <see cref="Due"/>, in the ledger: Ina and Tom in a conversation for each,
    /// or, given <paramref name="conversations"/>, in that many, the n-th update a rhythm of conversation <c>C{n % conversations}</c>.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> PlanAsync(int count, int? conversations = null)
    {
        var agreedAt = Due - Duration.FromHours(23);
        var seeds = new List<OccurrenceSeed>();
        var collaborations = new List<Collaboration>();
        using var scope = Database.Scope();
        foreach (var n in Enumerable.Range(0, count))
        {
            var conversation = n % (conversations ?? count);
            if (conversation == collaborations.Count)
            {
                collaborations.Add(new Collaboration
                {
                    Id = Guid.NewGuid(), Platform = FakePlatform.Name, WorkspaceId = "T1", ConversationId = $"C{conversation}", VaId = "ina", ClientIds = ["tom"],
                    TimeZone = "Europe/Brussels", Language = "en", CreatedAt = agreedAt,
                });
                await StorageFixture.Get<ICollaborationStore>(scope).AddAsync(collaborations[conversation], default);
            }

            var collaboration = collaborations[conversation];
            var rhythm = Rhythm.Propose(collaboration.Id, n / (conversations ?? count) + 1, RhythmKind.Update, Days.Weekdays, new LocalTime(17, 0), "Europe/Brussels", "ina",
                Side.Va, agreedAt);
            rhythm.Accept("tom", Side.Client, agreedAt);
            await StorageFixture.Get<IRhythmStore>(scope).SaveAsync([rhythm], default);
            seeds.Add(new OccurrenceSeed(rhythm.Id, collaboration.Id, Due, Due - Duration.FromMinutes(15)));
        }

        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        await ledger.AddMissingAsync(seeds, default);
        var ids = new List<Guid>();
        foreach (var seed in seeds)
        {
            ids.Add((await ledger.FindAsync(seed.RhythmId, seed.Due, default))!.Id);
        }

        return ids;
    }

    /// <summary>Every occurrence due at <see cref="Due"/>, as the ledger holds it now.</summary>
    public async Task<IReadOnlyList<Occurrence>> LedgerAsync()
    {
        using var scope = Database.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        var rows = new List<Occurrence>();
        foreach (var collaborationId in await CollaborationIdsAsync(scope))
        {
            rows.AddRange(await ledger.ListByCollaborationAsync(collaborationId, Due - Duration.FromHours(1), Due + Duration.FromHours(1), default));
        }

        return rows;
    }

    /// <summary>Waits (in real time, at most ten seconds) until the ledger shows what <paramref name="condition"/> asks.</summary>
    public async Task<IReadOnlyList<Occurrence>> LedgerWhenAsync(Func<IReadOnlyList<Occurrence>, bool> condition, string because)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var rows = await LedgerAsync();
            if (condition(rows))
            {
                return rows;
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"The ledger never showed {because}.");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        foreach (var gateway in gateways)
        {
            gateway.Dispose();
        }

        await Database.DisposeAsync();
    }

    private static async Task<IReadOnlyList<Guid>> CollaborationIdsAsync(IServiceScope scope)
    {
        var context = StorageFixture.Get<CheckinDbContext>(scope);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(context.Set<Collaboration>().Select(c => c.Id));
    }
}
