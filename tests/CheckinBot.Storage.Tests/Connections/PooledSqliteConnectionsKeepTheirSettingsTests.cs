using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage.Tests.Connections;

/// <summary>
/// Every SQLite connection a context opens has write-ahead-safe NORMAL synchronisation and a busy timeout, whether the
/// provider's pool hands it out for the first time (the settings are made then) or again (they are not made again).
/// </summary>
public sealed class PooledSqliteConnectionsKeepTheirSettingsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("checkinbot-pragmas").FullName;

    [Fact]
    public async Task A_connection_opened_first_and_again_from_the_pool_has_both_settings()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "pragmas.db"), Pooling = true }.ToString();
        var factory = new CheckinDbContextFactory(new StorageOptions(), connectionString);

        var first = await SettingsAsync(factory);
        var again = await SettingsAsync(factory);

        first.Should().Be((1L, 30000L), "synchronous=NORMAL is 1");
        again.Should().Be(first);
    }

    private static async Task<(long Synchronous, long BusyTimeout)> SettingsAsync(CheckinDbContextFactory factory)
    {
        await using var context = factory.CreateDbContext();
        await context.Database.OpenConnectionAsync();
        try
        {
            var connection = context.Database.GetDbConnection();
            return (await ScalarAsync(connection, "PRAGMA synchronous"), await ScalarAsync(connection, "PRAGMA busy_timeout"));
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
