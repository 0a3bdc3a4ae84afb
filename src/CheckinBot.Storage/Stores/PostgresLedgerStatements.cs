using Npgsql;
using NpgsqlTypes;

namespace CheckinBot.Storage.Stores;

/// <summary>
/// The ledger's statements over a set of ids, written for PostgreSQL by hand: each row is found by its primary key
/// (<see cref="PostgresIndexScans"/>; before a burst planned moments ago was analysed, a mark of 140 rows read the pending
/// rows' index whole into a bitmap, 193,371 entries, ~100 ms in a two-node burst). The status is compared as
/// <c>"Status" || ''</c> so that no partial index on it applies (as SQLite's unary plus does, see
/// <see cref="SqliteLedgerStatements"/>).
/// </summary>
internal static class PostgresLedgerStatements
{
    /// <summary>The rows named in <c>@ids</c> still pending under <c>@owner</c>'s lease, found by primary key.</summary>
    private const string Held = """ WHERE o."Id" = ANY(@ids) AND o."LeaseOwner" = @owner AND o."Status" || '' = 'Pending' """;

    public static Task<int> RenewAsync(CheckinDbContext db, string owner, IReadOnlyCollection<Guid> ids, long leaseUntil, CancellationToken cancellationToken) =>
        SetAsync(db, """UPDATE "Occurrences" AS o SET "LeaseUntil" = @value""", owner, ids, leaseUntil, cancellationToken);

    public static Task<int> MarkSendingAsync(CheckinDbContext db, string owner, IReadOnlyCollection<Guid> ids, long at, CancellationToken cancellationToken) =>
        SetAsync(db, """UPDATE "Occurrences" AS o SET "SendingSince" = @value""", owner, ids, at, cancellationToken);

    private static Task<int> SetAsync(CheckinDbContext db, string update, string owner, IReadOnlyCollection<Guid> ids, long value, CancellationToken cancellationToken) =>
        LedgerCommand.ExecuteAsync(db, (update, owner, ids, value), static (command, state) =>
        {
            command.CommandText = PostgresIndexScans.Before + state.update + Held + PostgresIndexScans.After;
            command.Parameters.Add(new NpgsqlParameter<long>("value", NpgsqlDbType.Bigint) { TypedValue = state.value });
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. state.ids] });
            command.Parameters.Add(new NpgsqlParameter<string>("owner", NpgsqlDbType.Text) { TypedValue = state.owner });
        }, cancellationToken);
}
