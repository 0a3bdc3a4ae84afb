using CheckinBot.Core.Occurrences;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;

namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>
/// A burst's occurrences are planned moments before they fall due, before autovacuum has analysed the table: PostgreSQL
/// then estimates a handful of rows after the claim's cursor, and a bitmap of every entry after it, sorted, looks cheapest.
/// The claim must read the index in order up to its limit whatever the statistics say. The plan is the one PostgreSQL ran
/// for the production claim, reported by auto_explain on the ledger's own connection.
/// </summary>
public sealed class ABurstClaimReadsTheIndexInOrderTests
{
    private static readonly Instant Due = Instant.FromUtc(2026, 12, 1, 17, 0);

    [SkippableFact]
    public async Task A_claim_after_its_cursor_reads_the_claim_index_in_order_before_the_burst_is_analysed()
    {
        await using var db = await StorageFixture.PostgresAsync();
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        var context = StorageFixture.Get<CheckinDbContext>(scope);
        var seeds = Enumerable.Range(0, 20_000)
            .Select(_ => new OccurrenceSeed(Guid.NewGuid(), Guid.NewGuid(), Due, Due - Duration.FromMinutes(15)))
            .ToList();
        await ledger.AddMissingAsync(seeds, default);
        var first = await ledger.ClaimDueAsync(Due, "node-a", Due + Duration.FromSeconds(10), 100, null, default);

        // The ledger's context runs on this connection while it stays open, so auto_explain reports its statements here.
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await connection.OpenAsync();
        var plans = new List<string>();
        connection.Notice += (_, e) => plans.Add(e.Notice.MessageText);
        await context.Database.ExecuteSqlRawAsync("LOAD 'auto_explain'");
        await context.Database.ExecuteSqlRawAsync("SET auto_explain.log_min_duration = 0");
        await context.Database.ExecuteSqlRawAsync("SET auto_explain.log_level = 'notice'");

        var next = await ledger.ClaimDueAsync(Due, "node-a", Due + Duration.FromSeconds(10), 100, ClaimCursor.Last(first), default);

        next.Should().HaveCount(100).And.OnlyContain(o => first.All(f => f.Id != o.Id), "the claim starts after the cursor");
        var claim = plans.Should().ContainSingle(p => p.Contains("\"LeaseOwner\"", StringComparison.Ordinal), "auto_explain reports the claim").Subject;
        claim.Should().Contain("IX_Occurrences_Claim_Pending", "the claim reads the index of pending rows in claim order")
            .And.NotContain("Bitmap", "a bitmap reads every entry after the cursor, not only up to the limit")
            .And.NotContain("Sort", "the index gives the rows in claim order");
    }
}
