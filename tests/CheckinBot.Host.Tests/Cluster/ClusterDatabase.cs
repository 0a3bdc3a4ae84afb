using Npgsql;

namespace CheckinBot.Host.Tests.Cluster;

/// <summary>
/// A fresh database on the PostgreSQL server of <c>CHECKINBOT_TEST_POSTGRES</c>, reached through a proxy of its own, dropped
/// at the end. Skipped with the reason when no server is configured, and a failure instead when
/// <c>CHECKINBOT_REQUIRE_SERVICES=1</c>, like the storage tests on PostgreSQL.
/// </summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CHECKINBOT_TEST_POSTGRES";
    public const string RequireServicesVariable = "CHECKINBOT_REQUIRE_SERVICES";

    private readonly string server;
    private readonly string name;

    private ClusterDatabase(string server, string name, PostgresProxy proxy)
    {
        this.server = server;
        this.name = name;
        Proxy = proxy;
    }

    /// <summary>The proxy every node reaches the database through.</summary>
    public PostgresProxy Proxy { get; }

    /// <summary>The connection string the nodes are given: the new database, through the proxy.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(server)
    {
        Database = name,
        Host = "127.0.0.1",
        Port = Proxy.Port,

        // Several clusters start at once on a busy machine; Npgsql's 15 s to connect is not always enough then.
        Timeout = 60,
    }.ToString();

    /// <summary>The same database without the proxy, for the test's own reads and writes.</summary>
    public string DirectConnectionString => new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();

    /// <summary>The configured server, or a skip (a failure in CI) when there is none.</summary>
    public static string Server()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (Environment.GetEnvironmentVariable(RequireServicesVariable) == "1")
            {
                throw new InvalidOperationException($"{PostgresVariable} is not set, and {RequireServicesVariable}=1 forbids skipping the cluster tests.");
            }

            Skip.If(true, $"Cluster tests skipped: they need PostgreSQL; set {PostgresVariable} (for example Host=localhost;Username=postgres;Password=postgres).");
        }

        return server!;
    }

    public static async Task<ClusterDatabase> CreateAsync()
    {
        var server = Server();
        var name = "checkinbot_cluster_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(server);
        return new ClusterDatabase(server, name, new PostgresProxy(target.Host ?? "localhost", target.Port));
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
