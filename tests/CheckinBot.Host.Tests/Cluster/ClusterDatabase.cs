using CheckinBot.Testing;
using Npgsql;

namespace CheckinBot.Host.Tests.Cluster;

/// <summary>
/// The kit's <see cref="ThrowAwayDatabase"/> on PostgreSQL (skipped with the reason when no server is configured, a
/// failure instead when <c>CHECKINBOT_REQUIRE_SERVICES=1</c>), reached through a proxy of its own.
/// </summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    private readonly ThrowAwayDatabase database;

    private ClusterDatabase(ThrowAwayDatabase database, PostgresProxy proxy)
    {
        this.database = database;
        Proxy = proxy;
    }

    /// <summary>The proxy every node reaches the database through.</summary>
    public PostgresProxy Proxy { get; }

    /// <summary>The connection string the nodes are given: the new database, through the proxy.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(DirectConnectionString)
    {
        Host = "127.0.0.1",
        Port = Proxy.Port,

        // Several clusters start at once on a busy machine; Npgsql's 15 s to connect is not always enough then.
        Timeout = 60,
    }.ToString();

    /// <summary>The same database without the proxy, for the test's own reads and writes.</summary>
    public string DirectConnectionString => database.Storage.ConnectionString!;

    /// <summary>The configured server, or a skip (a failure in CI) when there is none.</summary>
    public static string Server() => ThrowAwayDatabase.PostgresServer();

    public static async Task<ClusterDatabase> CreateAsync()
    {
        var database = await ThrowAwayDatabase.PostgresAsync("cluster");
        var target = new NpgsqlConnectionStringBuilder(database.Storage.ConnectionString);
        return new ClusterDatabase(database, new PostgresProxy(target.Host ?? "localhost", target.Port));
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await database.DisposeAsync();
    }
}
