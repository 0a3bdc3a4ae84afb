using CheckinBot.Storage;
using CheckinBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Storage.Tests;

/// <summary>
/// A freshly migrated database of one provider (the kit's <see cref="ThrowAwayDatabase"/>), with the stores registered as
/// the host registers them.
/// </summary>
public sealed class StorageFixture : ILedgerHost
{
    private readonly ServiceProvider services;
    private readonly ThrowAwayDatabase database;

    private StorageFixture(ServiceProvider services, ThrowAwayDatabase database)
    {
        this.services = services;
        this.database = database;
    }

    public IServiceScope Scope() => services.CreateScope();

    /// <summary>A second node: its own service provider on the same database, with <paramref name="more"/> services of its own.</summary>
    public ServiceProvider AnotherNode(Action<IServiceCollection>? more = null) => Services(database, more);

    public static T Get<T>(IServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public static async Task<StorageFixture> SqliteAsync(Action<IServiceCollection>? more = null) =>
        await CreateAsync(await ThrowAwayDatabase.SqliteAsync("storage"), more);

    /// <summary>A new database on the configured server; skipped (with the reason) when none is configured, outside CI.</summary>
    public static async Task<StorageFixture> PostgresAsync(Action<IServiceCollection>? more = null) =>
        await CreateAsync(await ThrowAwayDatabase.PostgresAsync("test"), more);

    private static async Task<StorageFixture> CreateAsync(ThrowAwayDatabase database, Action<IServiceCollection>? more)
    {
        var provider = Services(database, more);
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new StorageFixture(provider, database);
    }

    private static ServiceProvider Services(ThrowAwayDatabase database, Action<IServiceCollection>? more)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddStorage(database.Storage, database.Folder);
        more?.Invoke(collection);
        return collection.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }
}
