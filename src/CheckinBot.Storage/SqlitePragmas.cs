using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CheckinBot.Storage;

/// <summary>
/// Per-connection SQLite settings: with write-ahead logging, NORMAL synchronisation is safe against corruption and
/// does not sync the disk on every commit; a busy timeout lets writers wait for each other instead of failing.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
