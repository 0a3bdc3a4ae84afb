using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using CheckinBot.Core.Occurrences;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CheckinBot.Storage.Stores;

/// <summary>
/// Writes a group of outcomes as one multi-row UPDATE on the context's own connection, raw ADO.NET: no entity is read,
/// tracked or materialised. Only rows still pending under <c>owner</c>'s lease are written, so a takeover's rows stay
/// as the new owner leaves them.
/// </summary>
internal static class OutcomeStatement
{
    /// <summary>PostgreSQL: the outcomes as six arrays, one statement text for any group size.</summary>
    private const string Postgres = """
        UPDATE "Occurrences" AS o
        SET "Status" = v.status, "PostedAt" = v.posted_at, "MessageId" = v.message_id, "Late" = v.late, "Summary" = v.summary, "LeaseUntil" = NULL
        FROM unnest(@ids, @statuses, @posted, @messages, @late, @summaries) AS v(id, status, posted_at, message_id, late, summary)
        WHERE o."Id" = v.id AND o."LeaseOwner" = @owner AND o."Status" = 'Pending'
        """;

    private const int SqliteColumns = 6;

    /// <summary>SQLite: the statement text for each group size, built once.</summary>
    private static readonly ConcurrentDictionary<int, string> SqliteTexts = new();

    public static async Task WriteAsync(CheckinDbContext db, string owner, IReadOnlyList<PostOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        await LedgerCommand.ExecuteAsync(db, (owner, outcomes), static (command, state) =>
        {
            if (command is NpgsqlCommand)
            {
                FillPostgres(command, state.owner, state.outcomes);
            }
            else
            {
                FillSqlite(command, state.owner, state.outcomes);
            }
        }, cancellationToken);
    }

    private static void FillPostgres(DbCommand command, string owner, IReadOnlyList<PostOutcome> outcomes)
    {
        var count = outcomes.Count;
        var ids = new Guid[count];
        var statuses = new string[count];
        var posted = new long?[count];
        var messages = new string?[count];
        var late = new bool[count];
        var summaries = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var outcome = outcomes[i];
            ids[i] = outcome.OccurrenceId;
            statuses[i] = LedgerCommand.Text(outcome.Status);
            posted[i] = outcome.PostedAt?.ToUnixTimeMilliseconds();
            messages[i] = outcome.MessageId;
            late[i] = outcome.Late;
            summaries[i] = outcome.Summary;
        }

        command.CommandText = Postgres;
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = ids });
        command.Parameters.Add(new NpgsqlParameter<string[]>("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = statuses });
        command.Parameters.Add(new NpgsqlParameter<long?[]>("posted", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = posted });
        command.Parameters.Add(new NpgsqlParameter<string?[]>("messages", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = messages });
        command.Parameters.Add(new NpgsqlParameter<bool[]>("late", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { TypedValue = late });
        command.Parameters.Add(new NpgsqlParameter<string?[]>("summaries", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = summaries });
        command.Parameters.Add(new NpgsqlParameter<string>("owner", NpgsqlDbType.Text) { TypedValue = owner });
    }

    private static void FillSqlite(DbCommand command, string owner, IReadOnlyList<PostOutcome> outcomes)
    {
        command.CommandText = SqliteTexts.GetOrAdd(outcomes.Count, SqliteText);
        var parameters = (SqliteParameterCollection)command.Parameters;
        parameters.Add(new SqliteParameter("@owner", owner));
        for (var i = 0; i < outcomes.Count; i++)
        {
            var outcome = outcomes[i];
            var at = i * SqliteColumns;

            // As EF Core keeps Guids on SQLite: upper-case text.
            parameters.Add(new SqliteParameter(LedgerCommand.Name(at), SqliteLedgerStatements.GuidText(outcome.OccurrenceId)));
            parameters.Add(new SqliteParameter(LedgerCommand.Name(at + 1), LedgerCommand.Text(outcome.Status)));
            parameters.Add(new SqliteParameter(LedgerCommand.Name(at + 2), outcome.PostedAt is { } postedAt ? postedAt.ToUnixTimeMilliseconds() : DBNull.Value));
            parameters.Add(new SqliteParameter(LedgerCommand.Name(at + 3), (object?)outcome.MessageId ?? DBNull.Value));
            parameters.Add(new SqliteParameter(LedgerCommand.Name(at + 4), outcome.Late ? 1L : 0L));
            parameters.Add(new SqliteParameter(LedgerCommand.Name(at + 5), (object?)outcome.Summary ?? DBNull.Value));
        }
    }

    /// <summary>
    /// One row of values per outcome in a common table expression, joined on the id (the primary key; the unary plus
    /// keeps the planner off the status index, see <see cref="SqliteLedgerStatements"/>). The columns of the values are
    /// named apart from the table's: SQLite's names are not case-sensitive.
    /// </summary>
    private static string SqliteText(int rows)
    {
        return LedgerCommand.AppendRows(new StringBuilder("WITH v(v_id, v_status, v_posted, v_message, v_late, v_summary) AS (VALUES "), rows, SqliteColumns, "").Append("""
            )
            UPDATE "Occurrences" SET "Status" = v.v_status, "PostedAt" = v.v_posted, "MessageId" = v.v_message, "Late" = v.v_late,
                "Summary" = v.v_summary, "LeaseUntil" = NULL
            FROM v
            WHERE "Occurrences"."Id" = v.v_id AND +"Occurrences"."LeaseOwner" = @owner AND +"Occurrences"."Status" = 'Pending'
            """).ToString();
    }
}
