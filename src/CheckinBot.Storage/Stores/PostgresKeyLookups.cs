using Npgsql;
using NpgsqlTypes;

namespace CheckinBot.Storage.Stores;

/// <summary>
/// PostgreSQL: the ledger's writes to rows it names by id find each row by its primary key, whatever the statistics say.
/// Before autovacuum has analysed a burst planned moments ago, PostgreSQL estimated a handful of pending rows and read
/// the pending rows' index whole into a bitmap (in a two-node burst, 193,371 entries for a mark of 140 rows, ~100 ms).
/// Each statement runs between <see cref="Before"/> and <see cref="After"/> in one batch (one round trip): sequential and
/// bitmap scans are off for the batch's implicit transaction, and inside a caller's transaction they are set back right
/// after, from where the first statement kept them. The status is compared as <c>"Status" || ''</c> so that no partial
/// index on it applies (as SQLite's unary plus does, see <see cref="SqliteLedgerStatements"/>).
/// </summary>
internal static class PostgresKeyLookups
{
    public const string Before = """
        SELECT set_config('checkinbot.seqscan', current_setting('enable_seqscan'), true),
               set_config('checkinbot.bitmapscan', current_setting('enable_bitmapscan'), true),
               set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true);

        """;

    public const string After = """
        ;
        SELECT set_config('enable_seqscan', current_setting('checkinbot.seqscan'), true),
               set_config('enable_bitmapscan', current_setting('checkinbot.bitmapscan'), true);
        """;

    /// <summary>The rows named in <c>@ids</c> still pending under <c>@owner</c>'s lease, found by primary key.</summary>
    private const string Held = """ WHERE o."Id" = ANY(@ids) AND o."LeaseOwner" = @owner AND o."Status" || '' = 'Pending' """;

    public static Task<int> RenewAsync(CheckinDbContext db, string owner, IReadOnlyCollection<Guid> ids, long leaseUntil, CancellationToken cancellationToken) =>
        SetAsync(db, """UPDATE "Occurrences" AS o SET "LeaseUntil" = @value""", owner, ids, leaseUntil, cancellationToken);

    public static Task<int> MarkSendingAsync(CheckinDbContext db, string owner, IReadOnlyCollection<Guid> ids, long at, CancellationToken cancellationToken) =>
        SetAsync(db, """UPDATE "Occurrences" AS o SET "SendingSince" = @value""", owner, ids, at, cancellationToken);

    private static Task<int> SetAsync(CheckinDbContext db, string update, string owner, IReadOnlyCollection<Guid> ids, long value, CancellationToken cancellationToken) =>
        LedgerCommand.ExecuteAsync(db, (update, owner, ids, value), static (command, state) =>
        {
            command.CommandText = Before + state.update + Held + After;
            command.Parameters.Add(new NpgsqlParameter<long>("value", NpgsqlDbType.Bigint) { TypedValue = state.value });
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. state.ids] });
            command.Parameters.Add(new NpgsqlParameter<string>("owner", NpgsqlDbType.Text) { TypedValue = state.owner });
        }, cancellationToken);
}
