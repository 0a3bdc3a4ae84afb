using CheckinBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CheckinBot.Storage.Tests;

/// <summary>A freshly migrated database of one provider, with the stores registered as the host registers them.</summary>
public sealed class StorageFixture : IAsyncDisposable
{
    /// <summary>Set in CI: a missing database fails the run instead of skipping.</summary>
    public const string RequireServicesVariable = "CHECKINBOT_REQUIRE_SERVICES";

    /// <summary>A PostgreSQL connection string for a user that may create databases.</summary>
    public const string PostgresVariable = "CHECKINBOT_TEST_POSTGRES";

    private readonly ServiceProvider services;
    private readonly Func<Task> cleanUp;
    private readonly StorageOptions options;
    private readonly string folder;

    private StorageFixture(ServiceProvider services, Func<Task> cleanUp, StorageOptions options, string folder)
    {
        this.services = services;
        this.cleanUp = cleanUp;
        this.options = options;
        this.folder = folder;
    }

    public IServiceScope Scope() => services.CreateScope();

    /// <summary>A second node: its own service provider on the same database, with <paramref name="more"/> services of its own.</summary>
    public ServiceProvider AnotherNode(Action<IServiceCollection>? more = null) => Services(options, folder, more);

    public static T Get<T>(IServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public static Task<StorageFixture> SqliteAsync(Action<IServiceCollection>? more = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "checkinbot-storage-tests", Guid.NewGuid().ToString("N"));
        return CreateAsync(new StorageOptions(), folder, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        }, more);
    }

    /// <summary>A new database on the configured server; skipped (with the reason) when none is configured, outside CI.</summary>
    public static async Task<StorageFixture> PostgresAsync(Action<IServiceCollection>? more = null)
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

        var database = "checkinbot_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        return await CreateAsync(new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = connection }, Path.GetTempPath(), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }, more);
    }

    private static async Task<StorageFixture> CreateAsync(StorageOptions options, string folder, Func<Task> cleanUp, Action<IServiceCollection>? more)
    {
        var provider = Services(options, folder, more);
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new StorageFixture(provider, cleanUp, options, folder);
    }

    private static ServiceProvider Services(StorageOptions options, string folder, Action<IServiceCollection>? more)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddStorage(options, folder);
        more?.Invoke(collection);
        return collection.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await cleanUp();
    }
}
