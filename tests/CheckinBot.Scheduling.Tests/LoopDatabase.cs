using CheckinBot.Core.Delivery;
using CheckinBot.Core.Occurrences;
using CheckinBot.Storage;
using Npgsql;
using NodaTime;

namespace CheckinBot.Scheduling.Tests;

/// <summary>
/// One database that several nodes share: a SQLite file, or a new database on the PostgreSQL server of
/// <c>CHECKINBOT_TEST_POSTGRES</c> (skipped without one, and a failure then when <c>CHECKINBOT_REQUIRE_SERVICES=1</c>).
/// </summary>
public sealed class LoopDatabase : IAsyncDisposable
{
    private const string PostgresVariable = "CHECKINBOT_TEST_POSTGRES";
    private const string RequireServicesVariable = "CHECKINBOT_REQUIRE_SERVICES";

    private readonly StorageOptions storage;
    private readonly string folder;
    private readonly Func<Task> drop;

    private LoopDatabase(StorageOptions storage, string folder, Func<Task> drop)
    {
        this.storage = storage;
        this.folder = folder;
        this.drop = drop;
    }

    public static Task<LoopDatabase> SqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "checkinbot-scheduling-tests", Guid.NewGuid().ToString("N"));
        return Task.FromResult(new LoopDatabase(new StorageOptions(), folder, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        }));
    }

    public static async Task<LoopDatabase> PostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (Environment.GetEnvironmentVariable(RequireServicesVariable) == "1")
            {
                throw new InvalidOperationException($"{PostgresVariable} is not set, and {RequireServicesVariable}=1 forbids skipping the PostgreSQL tests.");
            }

            Skip.If(true, $"PostgreSQL tests skipped: set {PostgresVariable} to a connection string (for example Host=localhost;Username=postgres;Password=postgres).");
        }

        var name = "checkinbot_loop_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var storage = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString() };
        return new LoopDatabase(storage, Path.GetTempPath(), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var remove = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await remove.ExecuteNonQueryAsync();
        });
    }

    /// <summary>A node on this database, its clock at <paramref name="now"/>, posting through <paramref name="platform"/>.</summary>
    public Task<DeliveryHarness> NodeAsync(string workerId, Instant now, IChatGateway platform, Action<DeliveryOptions>? delivery = null) =>
        DeliveryHarness.StartAsync(folder, workerId, storage: storage, now: now, platform: platform, delivery: delivery);

    public async ValueTask DisposeAsync() => await drop();
}
