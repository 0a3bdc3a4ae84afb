using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage.Tests;

/// <summary>How a database would run a statement: <c>EXPLAIN</c> on PostgreSQL, <c>EXPLAIN QUERY PLAN</c> on SQLite.</summary>
public static class QueryPlan
{
    /// <summary>The plan's text, one line a step, of the statement written for the provider; on PostgreSQL asked for as if the tables were large.</summary>
    public static async Task<(string Plan, bool Postgres)> OfAsync(StorageFixture db, Func<bool, string> sqlOnPostgres)
    {
        using var scope = db.Scope();
        var context = StorageFixture.Get<CheckinDbContext>(scope);
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var postgres = context is PostgresCheckinDbContext;
        if (postgres)
        {
            // An empty table is cheaper to scan than to read by index; the plan is asked for as if the table were large.
            await using var off = connection.CreateCommand();
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = connection.CreateCommand();
        explain.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sqlOnPostgres(postgres);
        var plan = new System.Text.StringBuilder();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.AppendLine(reader.GetValue(reader.FieldCount - 1)?.ToString());
            }
        }

        return (plan.ToString(), postgres);
    }
}
