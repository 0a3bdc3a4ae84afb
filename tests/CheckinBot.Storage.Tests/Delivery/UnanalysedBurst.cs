using CheckinBot.Core.Occurrences;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;

namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>
/// A burst planned moments before it falls due, before autovacuum has analysed the table, and the plans PostgreSQL runs
/// for the ledger's own statements, as auto_explain reports them on the ledger's connection.
/// </summary>
internal static class UnanalysedBurst
{
    public static readonly Instant Due = Instant.FromUtc(2026, 12, 1, 17, 0);

    public static readonly Instant RemindAt = Due - Duration.FromMinutes(15);

    /// <summary>
    /// Plans <paramref name="count"/> occurrences, each of its own conversation, due at <see cref="Due"/>, in a table that
    /// autovacuum leaves alone for the rest of the test. Otherwise, on a slow machine, its analysis can land between the
    /// burst and the statement under test (it did in CI: the statistics then knew 20,000 pending rows and no leases, and
    /// the lease statement read the narrower whole-table index instead), and the test would no longer show the burst it
    /// names.
    /// </summary>
    public static async Task PlanAsync(CheckinDbContext context, IOccurrenceLedger ledger, int count)
    {
        await context.Database.ExecuteSqlRawAsync("ALTER TABLE \"Occurrences\" SET (autovacuum_enabled = false)");
        await ledger.AddMissingAsync(Enumerable.Range(0, count).Select(_ => new OccurrenceSeed(Guid.NewGuid(), Guid.NewGuid(), Due, RemindAt)).ToList(), default);
    }

    /// <summary>From now on, the plan of every statement the context runs, in order.</summary>
    public static async Task<IReadOnlyList<string>> ExplainAsync(CheckinDbContext context)
    {
        // The ledger's context runs on this connection while it stays open, so auto_explain reports its statements here.
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await connection.OpenAsync();
        var plans = new List<string>();
        connection.Notice += (_, e) => plans.Add(e.Notice.MessageText);
        await context.Database.ExecuteSqlRawAsync("LOAD 'auto_explain'");
        await context.Database.ExecuteSqlRawAsync("SET auto_explain.log_min_duration = 0");
        await context.Database.ExecuteSqlRawAsync("SET auto_explain.log_level = 'notice'");
        return plans;
    }
}
