using System.Data.Common;
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
    /// <summary>
    /// PostgreSQL: the outcomes as six arrays, one statement text for any group size. The outcomes drive the join, each
    /// looking its row up in the primary key, whatever the statistics say (see <see cref="PostgresIndexScans"/>): before
    /// the burst was analysed, PostgreSQL took a bitmap over every pending row and joined by filter, running the arrays'
    /// unnest again for every row (about 47 ms a call; BurstOutcomesFindTheirRowsByPrimaryKeyTests).
    /// </summary>
    private const string Postgres = PostgresIndexScans.Before + """
        UPDATE "Occurrences" AS o
        SET "Status" = v.status, "PostedAt" = v.posted_at, "MessageId" = v.message_id, "Late" = v.late, "Summary" = v.summary, "LeaseUntil" = NULL
        FROM unnest(@ids, @statuses, @posted, @messages, @late, @summaries) AS v(id, status, posted_at, message_id, late, summary)
        WHERE o."Id" = v.id AND o."LeaseOwner" = @owner AND o."Status" || '' = 'Pending'
        """ + PostgresIndexScans.After;

    /// <summary>
    /// SQLite: the rows read from one JSON parameter and joined on the id (the primary key; the unary plus keeps the
    /// planner off the status index, see <see cref="SqliteLedgerStatements"/>). The columns of the values are named apart
    /// from the table's: SQLite's names are not case-sensitive.
    /// </summary>
    private const string Sqlite = """
        UPDATE "Occurrences" SET "Status" = v.v_status, "PostedAt" = v.v_posted, "MessageId" = v.v_message, "Late" = v.v_late,
            "Summary" = v.v_summary, "LeaseUntil" = NULL
        FROM (SELECT value ->> 0 AS v_id, value ->> 1 AS v_status, value ->> 2 AS v_posted, value ->> 3 AS v_message,
                     value ->> 4 AS v_late, value ->> 5 AS v_summary
              FROM json_each(CAST(@rows AS TEXT))) AS v
        WHERE "Occurrences"."Id" = v.v_id AND +"Occurrences"."LeaseOwner" = @owner AND +"Occurrences"."Status" = 'Pending'
        """;

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

    /// <summary>SQLite: the outcomes as one JSON array of six-value rows (see <see cref="SqliteJson"/>).</summary>
    private static void FillSqlite(DbCommand command, string owner, IReadOnlyList<PostOutcome> outcomes)
    {
        command.CommandText = Sqlite;
        command.Parameters.Add(new SqliteParameter("@owner", owner));
        command.Parameters.Add(new SqliteParameter("@rows", SqliteJson.Write(outcomes, static (json, all) =>
        {
            json.WriteStartArray();
            foreach (var outcome in all)
            {
                json.WriteStartArray();
                SqliteJson.WriteGuid(json, outcome.OccurrenceId);
                json.WriteStringValue(LedgerCommand.Text(outcome.Status));
                if (outcome.PostedAt is { } postedAt)
                {
                    json.WriteNumberValue(postedAt.ToUnixTimeMilliseconds());
                }
                else
                {
                    json.WriteNullValue();
                }

                json.WriteStringValue(outcome.MessageId);
                json.WriteBooleanValue(outcome.Late);
                json.WriteStringValue(outcome.Summary);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        })));
    }
}
