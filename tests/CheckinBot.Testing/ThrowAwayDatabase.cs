using CheckinBot.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace CheckinBot.Testing;

/// <summary>
/// A database for one fixture, dropped at the end: a SQLite file in a folder of its own, or a new database on the
/// PostgreSQL server of <c>CHECKINBOT_TEST_POSTGRES</c>, skipped with the reason when none is configured and a failure
/// instead when <c>CHECKINBOT_REQUIRE_SERVICES=1</c>. Whoever uses it migrates it (the stores' <c>DatabaseMigrator</c>, or
/// the host at start).
/// </summary>
public sealed class ThrowAwayDatabase : IAsyncDisposable
{
    /// <summary>A PostgreSQL connection string for a user that may create databases.</summary>
    public const string PostgresVariable = "CHECKINBOT_TEST_POSTGRES";

    /// <summary>Set in CI: a missing database fails the run instead of skipping.</summary>
    public const string RequireServicesVariable = "CHECKINBOT_REQUIRE_SERVICES";

    private readonly Func<Task> drop;

    private ThrowAwayDatabase(StorageOptions storage, string folder, Func<Task> drop)
    {
        Storage = storage;
        Folder = folder;
        this.drop = drop;
    }

    /// <summary>What the stores are given: the provider, and on PostgreSQL the new database's connection string.</summary>
    public StorageOptions Storage { get; }

    /// <summary>The data folder: the SQLite file's own (deleted at the end), the temporary folder on PostgreSQL.</summary>
    public string Folder { get; }

    /// <summary>A SQLite file under a new folder named for <paramref name="purpose"/> (<c>storage</c>, <c>scheduling</c>, …).</summary>
    public static Task<ThrowAwayDatabase> SqliteAsync(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"checkinbot-{purpose}-tests", Guid.NewGuid().ToString("N"));
        return Task.FromResult(new ThrowAwayDatabase(new StorageOptions(), folder, () =>
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            return Task.CompletedTask;
        }));
    }

    /// <summary>A new database named for <paramref name="purpose"/> on the configured server; see <see cref="PostgresServer"/>.</summary>
    public static async Task<ThrowAwayDatabase> PostgresAsync(string purpose)
    {
        var server = PostgresServer();
        var name = $"checkinbot_{purpose}_{Guid.NewGuid().ToString("N")[..12]}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var storage = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString() };
        return new ThrowAwayDatabase(storage, Path.GetTempPath(), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var remove = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await remove.ExecuteNonQueryAsync();
        });
    }

    /// <summary>
    /// The configured PostgreSQL server; without one the test is skipped with the reason, or fails when
    /// <c>CHECKINBOT_REQUIRE_SERVICES=1</c> (CI).
    /// </summary>
    public static string PostgresServer()
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

        return server!;
    }

    public async ValueTask DisposeAsync() => await drop();
}
