using CheckinBot.Core.Occurrences;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>
/// A burst's occurrences are planned moments before they fall due, before autovacuum has analysed the table: PostgreSQL
/// then estimates a handful of rows after the claim's cursor, and a bitmap of every entry after it, sorted, looks cheapest.
/// The claim must read the index in order up to its limit whatever the statistics say. The plan is the one PostgreSQL ran
/// for the production claim, reported by auto_explain on the ledger's own connection.
/// </summary>
public sealed class ABurstClaimReadsTheIndexInOrderTests
{
    private static readonly Instant Due = UnanalysedBurst.Due;

    [SkippableFact]
    public async Task A_claim_after_its_cursor_reads_the_claim_index_in_order_before_the_burst_is_analysed()
    {
        await using var db = await StorageFixture.PostgresAsync();
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        var context = StorageFixture.Get<CheckinDbContext>(scope);
        await UnanalysedBurst.PlanAsync(context, ledger, 20_000);
        var first = await ledger.ClaimDueAsync(Due, "node-a", Due + Duration.FromSeconds(10), 100, null, default);
        var plans = await UnanalysedBurst.ExplainAsync(context);

        var next = await ledger.ClaimDueAsync(Due, "node-a", Due + Duration.FromSeconds(10), 100, ClaimCursor.Last(first), default);

        next.Should().HaveCount(100).And.OnlyContain(o => first.All(f => f.Id != o.Id), "the claim starts after the cursor");
        var claim = plans.Should().ContainSingle(p => p.Contains("\"LeaseOwner\"", StringComparison.Ordinal), "auto_explain reports the claim").Subject;
        claim.Should().Contain("IX_Occurrences_Claim_Pending", "the claim reads the index of pending rows in claim order")
            .And.NotContain("Bitmap", "a bitmap reads every entry after the cursor, not only up to the limit")
            .And.NotContain("Sort", "the index gives the rows in claim order");
    }
}
