using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage.Stores;

/// <summary>
/// PostgreSQL: one ledger statement planned on its indexes, whatever the statistics say. Before autovacuum has analysed
/// the rows a burst wrote moments ago, PostgreSQL estimates a handful of them, and then reads a whole index into a bitmap
/// (sorted, its dead entries read again by every later statement, as a bitmap never marks them) or scans the table, where
/// the statement names its rows by primary key or reads an index in order up to a limit. Sequential and bitmap scans are
/// off for that one statement and for nothing else: in a transaction of its own they end with it; inside a caller's
/// transaction they are saved before and set back right after, so nothing else the caller runs there is planned without
/// them.
/// </summary>
/// <remarks>
/// One mechanism in two forms: a hand-written command runs between <see cref="Before"/> and <see cref="After"/> in one
/// batch (one round trip, its implicit transaction or the caller's); an EF Core statement whose rows are materialised runs
/// through <see cref="ToListAsync{T}"/>.
/// </remarks>
internal static class PostgresIndexScans
{
    private const string Off = """
        SELECT set_config('checkinbot.seqscan', current_setting('enable_seqscan'), true),
               set_config('checkinbot.bitmapscan', current_setting('enable_bitmapscan'), true),
               set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)
        """;

    private const string SetBack = """
        SELECT set_config('enable_seqscan', current_setting('checkinbot.seqscan'), true),
               set_config('enable_bitmapscan', current_setting('checkinbot.bitmapscan'), true)
        """;

    /// <summary>The batch's first statement: the scans off, as they were kept for <see cref="After"/>.</summary>
    public const string Before = Off + ";\n";

    /// <summary>The batch's last statement: the scans as they were before.</summary>
    public const string After = ";\n" + SetBack;

    public static async Task<List<T>> ToListAsync<T>(CheckinDbContext db, IQueryable<T> statement, CancellationToken cancellationToken)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.Database.ExecuteSqlRawAsync(Off, cancellationToken);
        var rows = await statement.ToListAsync(cancellationToken);
        if (own is null)
        {
            await db.Database.ExecuteSqlRawAsync(SetBack, cancellationToken);
        }
        else
        {
            await own.CommitAsync(cancellationToken);
        }

        return rows;
    }
}
