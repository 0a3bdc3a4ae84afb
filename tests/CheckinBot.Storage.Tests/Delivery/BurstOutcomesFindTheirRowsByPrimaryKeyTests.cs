using CheckinBot.Core.Occurrences;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>
/// A burst's outcomes are written moments after its occurrences were planned, before autovacuum has analysed the table:
/// PostgreSQL then took a bitmap over every pending row and joined the outcomes to it by filter (about 47 ms a call in a
/// 100,000-rhythm burst). The outcomes statement must find each row by its primary key whatever the statistics say. The
/// plan is the one PostgreSQL ran for the production statement, reported by auto_explain on the ledger's own connection.
/// </summary>
public sealed class BurstOutcomesFindTheirRowsByPrimaryKeyTests
{
    private static readonly Instant Due = UnanalysedBurst.Due;

    [SkippableFact]
    public async Task Renewals_marks_and_outcomes_of_a_claim_find_their_rows_by_primary_key_before_the_burst_is_analysed()
    {
        await using var db = await StorageFixture.PostgresAsync();
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        var context = StorageFixture.Get<CheckinDbContext>(scope);
        await UnanalysedBurst.PlanAsync(context, ledger, 20_000);
        var claimed = await ledger.ClaimDueAsync(Due, "node-a", Due + Duration.FromSeconds(10), 100, null, default);
        var plans = await UnanalysedBurst.ExplainAsync(context);

        var ids = claimed.Select(o => o.Id).ToList();
        (await ledger.RenewAsync("node-a", ids, Due + Duration.FromSeconds(20), default)).Should().Be(100, "every claimed row is renewed");
        await ledger.MarkSendingAsync("node-a", ids, Due, default);
        var outcomes = claimed.Select(o => new PostOutcome(o.Id, OccurrenceStatus.Posted, Due, "m-" + o.Id, Late: false)).ToList();
        await ledger.RecordAsync("node-a", outcomes, default);

        var record = plans.Should().ContainSingle(p => p.Contains("\"MessageId\"", StringComparison.Ordinal), "auto_explain reports the outcomes statement").Subject;
        record.Should().Contain("Index Scan using \"PK_Occurrences\"", "each row is found by its primary key")
            .And.Contain("Index Cond: (\"Id\" = v.id)", "the lookup is keyed by the outcome's id")
            .And.NotContain("Bitmap", "a bitmap reads every pending row, not the outcomes' rows")
            .And.NotContain("IX_Occurrences_Claim_Pending", "the pending rows' index holds every pending row, not the outcomes' rows")
            .And.NotContain("Seq Scan", "a scan reads every row");
        record.IndexOf("Function Scan on v", StringComparison.Ordinal).Should()
            .BeLessThan(record.IndexOf("Index Scan using \"PK_Occurrences\"", StringComparison.Ordinal),
                "the outcomes drive the loop, each looking its row up once (the other way round, the outcomes are unnested again for every row)");
        (await context.Database.SqlQueryRaw<string>("""SELECT current_setting('enable_seqscan') || current_setting('enable_bitmapscan') AS "Value" """).SingleAsync())
            .Should().Be("onon", "the statement's settings last for the statement only");
        foreach (var column in new[] { "\"LeaseUntil\" = $1", "\"SendingSince\" = $1" })
        {
            var write = plans.Should().ContainSingle(p => p.Contains(column, StringComparison.Ordinal), "auto_explain reports the renewal and the mark").Subject;
            write.Should().Contain("Index Scan using \"PK_Occurrences\"", "the rows are found by their primary key")
                .And.Contain("Index Cond: (\"Id\" = ANY", "the lookup is keyed by the ids")
                .And.NotContain("Bitmap", "a bitmap of the pending rows' index reads every pending row")
                .And.NotContain("IX_Occurrences_Claim_Pending", "the pending rows' index holds every pending row");
        }

        var posted = await context.Occurrences.AsNoTracking().CountAsync(o => o.Status == OccurrenceStatus.Posted);
        posted.Should().Be(100, "every outcome of the claim is written");
    }
}
