using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;
using CheckinBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CheckinBot.Host.Tests.Cluster;

/// <summary>
/// Many collaborations on one Slack workspace, each in its own channel, with rhythms agreed through the product's own
/// use cases (the stores and <see cref="Rhythm.Propose"/>/<see cref="Rhythm.Accept"/>) on the cluster's database:
/// thousands of signed slash commands would take longer than the whole suite may.
/// </summary>
public sealed class BurstAgreements : IAsyncDisposable
{
    public const string Workspace = "TCLUSTER";
    public const string Zone = "Europe/Brussels";

    private readonly ServiceProvider services;
    private readonly string connectionString;

    private BurstAgreements(ServiceProvider services, string connectionString)
    {
        this.services = services;
        this.connectionString = connectionString;
    }

    /// <summary>Opens the database with the product's storage, migrating it as a node would at start.</summary>
    public static async Task<BurstAgreements> OpenAsync(string connectionString)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddStorage(new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = connectionString }, Path.GetTempPath());
        var provider = collection.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new BurstAgreements(provider, connectionString);
    }

    /// <summary>A VA and her client in each of <paramref name="count"/> channels named after <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<Collaboration>> AddCollaborationsAsync(string prefix, int count, Instant at)
    {
        var added = Enumerable.Range(0, count).Select(i => new Collaboration
        {
            Id = Guid.NewGuid(),
            Platform = "slack",
            WorkspaceId = Workspace,
            ConversationId = $"C{prefix}{i:D5}",
            VaId = $"UVA{prefix}{i:D5}",
            ClientIds = [$"UCL{prefix}{i:D5}"],
            TimeZone = Zone,
            Language = "en",
            CreatedAt = at,
        }).ToList();

        // The store adds one at a time; a few scopes side by side keep thousands short.
        await Parallel.ForEachAsync(added.Chunk(250), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ICollaborationStore>();
            foreach (var collaboration in chunk)
            {
                await store.AddAsync(collaboration, ct);
            }
        });
        return added;
    }

    /// <summary>
    /// In every collaboration, the VA proposes a daily update at the local time of <paramref name="due"/> and the client
    /// accepts, at <paramref name="agreedAt"/>. Returns the occurrence keys due then.
    /// </summary>
    public async Task<IReadOnlyList<string>> AgreeDailyUpdatesAsync(IEnumerable<Collaboration> collaborations, Instant due, Instant agreedAt, int number = 1)
    {
        var local = due.InZone(DateTimeZoneProviders.Tzdb[Zone]).TimeOfDay;
        var rhythms = collaborations.Select(c =>
        {
            var rhythm = Rhythm.Propose(c.Id, number, RhythmKind.Update, Days.Daily, local, Zone, c.VaId, Side.Va, agreedAt);
            rhythm.Accept(c.ClientIds[0], Side.Client, agreedAt);
            return rhythm;
        }).ToList();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IRhythmStore>().SaveAsync(rhythms, CancellationToken.None);
        return rhythms.Select(r => Occurrence.KeyOf(r.Id, due)).ToList();
    }

    /// <summary>How many occurrences due at <paramref name="due"/> the ledger holds as posted: one query, cheap to ask again and again.</summary>
    public async Task<int> CountPostedAsync(Instant due)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("""SELECT count(*) FROM "Occurrences" WHERE "Due" = @due AND "Status" = 'Posted'""", connection);
        count.Parameters.AddWithValue("due", due.ToUnixTimeMilliseconds());
        return (int)(long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>What the ledger holds for the collaborations between two instants.</summary>
    public async Task<IReadOnlyList<Occurrence>> LedgerAsync(IEnumerable<Collaboration> collaborations, Instant from, Instant to)
    {
        await using var scope = services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<IOccurrenceLedger>();
        var all = new List<Occurrence>();
        foreach (var collaboration in collaborations)
        {
            all.AddRange(await ledger.ListByCollaborationAsync(collaboration.Id, from, to, CancellationToken.None));
        }

        return all;
    }

    public async ValueTask DisposeAsync() => await services.DisposeAsync();
}
