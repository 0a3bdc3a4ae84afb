using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage.Stores;

/// <summary>
/// PostgreSQL: runs one ledger statement with bitmap scans off, so that a statement written to read an index in order up
/// to its limit does so whatever the statistics say. Before autovacuum has analysed rows a burst wrote moments ago,
/// PostgreSQL estimates a handful of them and reads every matching index entry into a bitmap instead, sorted; and a bitmap
/// returns dead entries too and never marks them, so every later statement reads them again. The setting lasts for the
/// one statement only: in a transaction of its own, or, inside a caller's transaction, set back right after, so nothing
/// else the caller runs in that transaction is planned without bitmaps.
/// </summary>
internal static class WithoutBitmapScans
{
    private const string Setting = "enable_bitmapscan";

    public static async Task<List<T>> ToListAsync<T>(CheckinDbContext db, IQueryable<T> statement, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            var previous = await db.Database
                .SqlQueryRaw<string>($"""SELECT current_setting('{Setting}') AS "Value" """)
                .SingleAsync(cancellationToken);
            await SetAsync(db, "off", cancellationToken);
            var inCallers = await statement.ToListAsync(cancellationToken);
            await SetAsync(db, previous, cancellationToken);
            return inCallers;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SetAsync(db, "off", cancellationToken);
        var rows = await statement.ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>The setting for the rest of the current transaction (<c>SET LOCAL</c>).</summary>
    private static Task<int> SetAsync(CheckinDbContext db, string value, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync($"SELECT set_config('{Setting}', {{0}}, true)", [value], cancellationToken);
}
