using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage.Stores;

/// <summary>
/// Queues the event ledger's writes to one SQLite file in the process, one at a time. SQLite takes one writer at a time,
/// and its ADO.NET provider runs async calls synchronously, sleeping on a pool thread while it waits for the lock; the
/// ledger writes once or twice per turn, so under load its writers would mostly sleep on threads the requests need.
/// Here they wait without a thread. PostgreSQL takes concurrent writers and needs no gate. The event ledger's writes
/// wait for the same gate through <see cref="SqliteGroupCommit"/>, which commits those queued meanwhile together.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<T> WriteAsync<T>(CheckinDbContext db, Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return await write(cancellationToken);
        }

        var gate = For(db);
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await write(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The gate of the SQLite file <paramref name="db"/> writes to.</summary>
    public static SemaphoreSlim For(CheckinDbContext db) =>
        Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", static _ => new SemaphoreSlim(1, 1));
}
