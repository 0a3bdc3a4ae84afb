using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;

namespace CheckinBot.Storage.Stores;

/// <summary>
/// The ledger's statements over a set of ids, written for SQLite by hand. Without statistics SQLite's planner prefers
/// the claim index on <c>Status</c> over the primary key for <c>Id IN (…) AND Status = …</c>, and then reads every
/// pending (or every posted) row for each statement: in a burst of 100,000 that made each write cost the whole table.
/// A unary <c>+</c> takes a column out of index selection, so these search the primary key (or the collaboration index).
/// </summary>
internal static class SqliteLedgerStatements
{
    private const string Held = """ "Id" IN (SELECT value FROM json_each(CAST(@ids AS TEXT))) AND +"LeaseOwner" = @owner AND +"Status" = 'Pending' """;

    public static Task<int> RenewAsync(CheckinDbContext db, string owner, IReadOnlyCollection<Guid> ids, Instant leaseUntil, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            """UPDATE "Occurrences" SET "LeaseUntil" = @value WHERE""" + Held,
            [new SqliteParameter("@value", leaseUntil.ToUnixTimeMilliseconds()), Ids(ids), new SqliteParameter("@owner", owner)],
            cancellationToken);

    public static Task<int> MarkSendingAsync(CheckinDbContext db, string owner, IReadOnlyCollection<Guid> ids, Instant at, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            """UPDATE "Occurrences" SET "SendingSince" = @value WHERE""" + Held,
            [new SqliteParameter("@value", at.ToUnixTimeMilliseconds()), Ids(ids), new SqliteParameter("@owner", owner)],
            cancellationToken);

    /// <summary>The last post of each collaboration, found through the (collaboration, due) index, never the status index.</summary>
    public static async Task<Dictionary<Guid, Instant>> LastPostedAsync(CheckinDbContext db, IReadOnlyCollection<Guid> collaborationIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, Instant>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = """
                SELECT "CollaborationId", MAX("PostedAt") FROM "Occurrences"
                WHERE "CollaborationId" IN (SELECT value FROM json_each(CAST(@ids AS TEXT))) AND +"Status" = 'Posted' AND "PostedAt" IS NOT NULL
                GROUP BY "CollaborationId"
                """;
            command.Parameters.Add(Ids(collaborationIds));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[System.Guid.Parse(reader.GetString(0))] = Instant.FromUnixTimeMilliseconds(reader.GetInt64(1));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return found;
    }

    /// <summary>The ids as one JSON array: one parameter for any count.</summary>
    private static SqliteParameter Ids(IReadOnlyCollection<Guid> ids) => new("@ids", SqliteJson.Ids(ids));
}
