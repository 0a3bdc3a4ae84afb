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
    private const string Held = """ "Id" IN (SELECT value FROM json_each(@ids)) AND +"LeaseOwner" = @owner AND +"Status" = 'Pending' """;

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
                WHERE "CollaborationId" IN (SELECT value FROM json_each(@ids)) AND +"Status" = 'Posted' AND "PostedAt" IS NOT NULL
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

    /// <summary>The ids as one JSON array of upper-case Guids, as EF Core keeps them on SQLite: one parameter for any count.</summary>
    private static SqliteParameter Ids(IReadOnlyCollection<Guid> ids)
    {
        const int Quoted = 38;
        var length = 2 + ids.Count * Quoted + Math.Max(0, ids.Count - 1);
        var json = string.Create(length, ids, static (span, all) =>
        {
            span[0] = '[';
            var at = 1;
            foreach (var id in all)
            {
                if (at > 1)
                {
                    span[at++] = ',';
                }

                span[at] = '"';
                id.TryFormat(span.Slice(at + 1, 36), out _);
                for (var i = at + 1; i < at + 37; i++)
                {
                    span[i] = char.ToUpperInvariant(span[i]);
                }

                span[at + 37] = '"';
                at += Quoted;
            }

            span[at] = ']';
        });
        return new SqliteParameter("@ids", json);
    }

    /// <summary>A Guid as EF Core's SQLite provider writes it: "D" format, upper case, in one allocation.</summary>
    public static string GuidText(Guid id) => string.Create(36, id, static (span, value) =>
    {
        value.TryFormat(span, out _);
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = char.ToUpperInvariant(span[i]);
        }
    });
}
