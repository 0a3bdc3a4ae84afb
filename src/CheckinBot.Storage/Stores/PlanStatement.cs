using System.Data.Common;
using CheckinBot.Core.Occurrences;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CheckinBot.Storage.Stores;

/// <summary>
/// Writes a group of planned occurrences as one multi-row <c>INSERT … ON CONFLICT ("RhythmId", "Due") DO NOTHING</c>, and
/// plans cancelled ones again once their rhythm runs again. Nothing is read first, so two nodes planning the same
/// occurrences at once cannot race between a read and an insert: the unique key keeps the first of each, the other
/// statement skips it (on PostgreSQL after waiting for the first to commit), and neither fails.
/// </summary>
internal static class PlanStatement
{
    private const string Columns = """ "Occurrences" ("Id", "RhythmId", "CollaborationId", "Due", "RemindAt", "Status", "ReminderStatus", "Attempts", "Late") """;

    private const string Conflict = """ ON CONFLICT ("RhythmId", "Due") DO NOTHING""";

    /// <summary>PostgreSQL: the seeds as seven arrays, inserted in their order, one statement text for any group size.</summary>
    private const string PostgresInsert = "INSERT INTO" + Columns + """
        SELECT v.id, v.rhythm, v.collaboration, v.due, v.remind, v.status, v.reminder, 0, FALSE
        FROM unnest(@ids, @rhythms, @collaborations, @dues, @reminds, @statuses, @reminders) WITH ORDINALITY
            AS v(id, rhythm, collaboration, due, remind, status, reminder, n)
        ORDER BY v.n
        """ + Conflict;

    private const string PostgresRevive = """
        UPDATE "Occurrences" AS o SET "Status" = 'Pending'
        FROM unnest(@rhythms, @dues) AS v(rhythm, due)
        WHERE o."RhythmId" = v.rhythm AND o."Due" = v.due AND o."Status" = 'Cancelled'
        """;

    /// <summary>SQLite: the seeds as one JSON array of rows (see <see cref="SqliteJson"/>), inserted in their order.</summary>
    private const string SqliteInsert = "INSERT INTO" + Columns + """
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, 0, 0
        FROM json_each(CAST(@rows AS TEXT)) WHERE TRUE
        """ + Conflict;

    /// <summary>The columns of the values are named apart from the table's: SQLite's names are not case-sensitive.</summary>
    private const string SqliteRevive = """
        UPDATE "Occurrences" SET "Status" = 'Pending'
        FROM (SELECT value ->> 0 AS v_rhythm, value ->> 1 AS v_due FROM json_each(CAST(@rows AS TEXT))) AS v
        WHERE "Occurrences"."RhythmId" = v.v_rhythm AND "Occurrences"."Due" = v.v_due AND +"Occurrences"."Status" = 'Cancelled'
        """;

    /// <summary>Inserts the seeds that are not in the ledger yet; returns how many it inserted.</summary>
    public static Task<int> InsertAsync(CheckinDbContext db, OccurrenceSeed[] seeds, CancellationToken cancellationToken) =>
        LedgerCommand.ExecuteAsync(db, seeds, static (command, seeds) =>
        {
            if (command is NpgsqlCommand)
            {
                FillPostgresInsert(command, seeds);
            }
            else
            {
                FillSqliteInsert(command, seeds);
            }
        }, cancellationToken);

    /// <summary>Makes the cancelled occurrences among <paramref name="seeds"/> pending again, where the seed is pending (resume).</summary>
    public static Task<int> ReviveAsync(CheckinDbContext db, OccurrenceSeed[] seeds, CancellationToken cancellationToken)
    {
        var pending = Array.FindAll(seeds, static s => s.Status == OccurrenceStatus.Pending);
        return pending.Length == 0 ? Task.FromResult(0) : LedgerCommand.ExecuteAsync(db, pending, static (command, seeds) =>
        {
            if (command is NpgsqlCommand)
            {
                command.CommandText = PostgresRevive;
                command.Parameters.Add(new NpgsqlParameter<Guid[]>("rhythms", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = Array.ConvertAll(seeds, static s => s.RhythmId) });
                command.Parameters.Add(new NpgsqlParameter<long[]>("dues", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = Array.ConvertAll(seeds, static s => s.Due.ToUnixTimeMilliseconds()) });
                return;
            }

            command.CommandText = SqliteRevive;
            command.Parameters.Add(new SqliteParameter("@rows", SqliteJson.Write(seeds, static (json, all) =>
            {
                json.WriteStartArray();
                foreach (var seed in all)
                {
                    json.WriteStartArray();
                    SqliteJson.WriteGuid(json, seed.RhythmId);
                    json.WriteNumberValue(seed.Due.ToUnixTimeMilliseconds());
                    json.WriteEndArray();
                }

                json.WriteEndArray();
            })));
        }, cancellationToken);
    }

    private static void FillPostgresInsert(DbCommand command, OccurrenceSeed[] seeds)
    {
        command.CommandText = PostgresInsert;
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = Array.ConvertAll(seeds, static _ => Guid.NewGuid()) });
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("rhythms", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = Array.ConvertAll(seeds, static s => s.RhythmId) });
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("collaborations", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = Array.ConvertAll(seeds, static s => s.CollaborationId) });
        command.Parameters.Add(new NpgsqlParameter<long[]>("dues", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = Array.ConvertAll(seeds, static s => s.Due.ToUnixTimeMilliseconds()) });
        command.Parameters.Add(new NpgsqlParameter<long[]>("reminds", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = Array.ConvertAll(seeds, static s => s.RemindAt.ToUnixTimeMilliseconds()) });
        command.Parameters.Add(new NpgsqlParameter<string[]>("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = Array.ConvertAll(seeds, static s => LedgerCommand.Text(s.Status)) });
        command.Parameters.Add(new NpgsqlParameter<string[]>("reminders", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = Array.ConvertAll(seeds, static s => ReminderText(s.Status)) });
    }

    private static void FillSqliteInsert(DbCommand command, OccurrenceSeed[] seeds)
    {
        command.CommandText = SqliteInsert;
        command.Parameters.Add(new SqliteParameter("@rows", SqliteJson.Write(seeds, static (json, all) =>
        {
            json.WriteStartArray();
            foreach (var seed in all)
            {
                json.WriteStartArray();
                SqliteJson.WriteGuid(json, Guid.NewGuid());
                SqliteJson.WriteGuid(json, seed.RhythmId);
                SqliteJson.WriteGuid(json, seed.CollaborationId);
                json.WriteNumberValue(seed.Due.ToUnixTimeMilliseconds());
                json.WriteNumberValue(seed.RemindAt.ToUnixTimeMilliseconds());
                json.WriteStringValue(LedgerCommand.Text(seed.Status));
                json.WriteStringValue(ReminderText(seed.Status));
                json.WriteEndArray();
            }

            json.WriteEndArray();
        })));
    }

    /// <summary>A planned occurrence's reminder is still to go when it is to be posted, and never goes otherwise.</summary>
    private static string ReminderText(OccurrenceStatus status) =>
        status == OccurrenceStatus.Pending ? nameof(ReminderStatus.Pending) : nameof(ReminderStatus.NotSent);
}
