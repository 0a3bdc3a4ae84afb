using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CheckinBot.Storage.Tests.Connections;

/// <summary>
/// EF Core opens and closes a context's connection around every query, a few times a turn. With EF Core's own SQLite
/// connection every open registered its seven functions with SQLite again (5.8 KB of garbage an open); the connection
/// the factory makes has none to register. Counted on this thread alone: SQLite's provider opens synchronously.
/// </summary>
public sealed class OpeningASqliteConnectionCostsLittleTests(ITestOutputHelper output) : IDisposable
{
    private const long Budget = 1024;
    private const int Opens = 1000;

    private readonly string folder = Directory.CreateTempSubdirectory("checkinbot-opens").FullName;

    [Fact]
    public void A_pooled_context_opens_and_closes_its_connection_within_its_budget()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "opens.db"), Pooling = true }.ToString();
        var factory = new CheckinDbContextFactory(new StorageOptions(), connectionString);
        OpenAndClose(factory, 100);

        var before = GC.GetAllocatedBytesForCurrentThread();
        OpenAndClose(factory, Opens);
        var perOpen = (GC.GetAllocatedBytesForCurrentThread() - before) / Opens;

        output.WriteLine($"a context from the pool, opened and closed: {perOpen:N0} bytes");
        perOpen.Should().BeLessThan(Budget);
    }

    [Fact]
    public void The_connection_has_no_functions_registered_on_it()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "functions.db"), Pooling = true }.ToString();
        using var context = new CheckinDbContextFactory(new StorageOptions(), connectionString).CreateDbContext();
        context.Database.OpenConnection();
        using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_function_list WHERE name IN ('regexp', 'ef_add', 'ef_mod', 'ef_compare')";

        Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(0);
    }

    private static void OpenAndClose(CheckinDbContextFactory factory, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var context = factory.CreateDbContext();
            context.Database.OpenConnection();
            context.Database.CloseConnection();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
