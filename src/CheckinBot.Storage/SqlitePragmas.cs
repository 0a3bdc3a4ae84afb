using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CheckinBot.Storage;

/// <summary>
/// Per-connection SQLite settings: with write-ahead logging, NORMAL synchronisation is safe against corruption and
/// does not sync the disk on every commit; a busy timeout lets writers wait for each other instead of failing.
/// </summary>
/// <remarks>
/// EF Core opens and closes its connection around every query, and the provider's pool hands back the same native
/// connection each time. The settings belong to that native connection, so they are set once, the first time it is
/// seen, instead of costing a statement before every query.
/// </remarks>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    private static readonly object Set = new();

    private readonly ConditionalWeakTable<object, object> configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>True the first time this native connection is opened (a connection of another provider always counts as new).</summary>
    /// <remarks>
    /// A look first, without a lock: <see cref="ConditionalWeakTable{TKey, TValue}.TryAdd"/> takes the table's lock on
    /// every call, and every query's open went through it (0.7 % of the threads' time at 1,000 commands a second).
    /// </remarks>
    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } native } || (!configured.TryGetValue(native, out _) && configured.TryAdd(native, Set));
}
