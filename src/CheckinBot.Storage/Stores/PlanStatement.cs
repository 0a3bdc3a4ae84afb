using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
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

    private const int InsertColumns = 7;

    /// <summary>SQLite: the statement texts for each group size, built once.</summary>
    private static readonly ConcurrentDictionary<int, string> SqliteInserts = new();

    private static readonly ConcurrentDictionary<int, string> SqliteRevives = new();

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

            command.CommandText = SqliteRevives.GetOrAdd(seeds.Length, SqliteRevive);
            var parameters = (SqliteParameterCollection)command.Parameters;
            for (var i = 0; i < seeds.Length; i++)
            {
                parameters.Add(new SqliteParameter(LedgerCommand.Name(2 * i), SqliteLedgerStatements.GuidText(seeds[i].RhythmId)));
                parameters.Add(new SqliteParameter(LedgerCommand.Name(2 * i + 1), seeds[i].Due.ToUnixTimeMilliseconds()));
            }
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
        command.CommandText = SqliteInserts.GetOrAdd(seeds.Length, SqliteInsert);
        var parameters = (SqliteParameterCollection)command.Parameters;
        for (var i = 0; i < seeds.Length; i++)
        {
            var seed = seeds[i];
            var at = i * InsertColumns;
            parameters.Add(new SqliteParameter(LedgerCommand.Name(at), SqliteLedgerStatements.GuidText(Guid.NewGuid())));
            parameters.Add(new SqliteParameter(LedgerCommand.Name(at + 1), SqliteLedgerStatements.GuidText(seed.RhythmId)));
            parameters.Add(new SqliteParameter(LedgerCommand.Name(at + 2), SqliteLedgerStatements.GuidText(seed.CollaborationId)));
            parameters.Add(new SqliteParameter(LedgerCommand.Name(at + 3), seed.Due.ToUnixTimeMilliseconds()));
            parameters.Add(new SqliteParameter(LedgerCommand.Name(at + 4), seed.RemindAt.ToUnixTimeMilliseconds()));
            parameters.Add(new SqliteParameter(LedgerCommand.Name(at + 5), LedgerCommand.Text(seed.Status)));
            parameters.Add(new SqliteParameter(LedgerCommand.Name(at + 6), ReminderText(seed.Status)));
        }
    }

    /// <summary>A planned occurrence's reminder is still to go when it is to be posted, and never goes otherwise.</summary>
    private static string ReminderText(OccurrenceStatus status) =>
        status == OccurrenceStatus.Pending ? nameof(ReminderStatus.Pending) : nameof(ReminderStatus.NotSent);

    private static string SqliteInsert(int rows) =>
        LedgerCommand.AppendRows(new StringBuilder("INSERT INTO").Append(Columns).Append("VALUES "), rows, InsertColumns, ", 0, 0").Append(Conflict).ToString();

    /// <summary>The columns of the values are named apart from the table's: SQLite's names are not case-sensitive.</summary>
    private static string SqliteRevive(int rows) =>
        LedgerCommand.AppendRows(new StringBuilder("WITH v(v_rhythm, v_due) AS (VALUES "), rows, 2, "").Append("""
            )
            UPDATE "Occurrences" SET "Status" = 'Pending'
            FROM v
            WHERE "Occurrences"."RhythmId" = v.v_rhythm AND "Occurrences"."Due" = v.v_due AND +"Occurrences"."Status" = 'Cancelled'
            """).ToString();
}
