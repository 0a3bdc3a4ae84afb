using CheckinBot.Core.Occurrences;
using NodaTime;

namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>
/// After each delivery cycle the node asks the ledger when it next has work: the next post or reminder due after now, and
/// the earliest lease on a due occurrence to run out. Asked in a burst that autovacuum has not analysed yet, each of these
/// must still read one index up to its first row, not the table and not a bitmap of every pending row sorted. The plans
/// are the ones PostgreSQL ran for the production statements, reported by auto_explain on the ledger's own connection.
/// </summary>
public sealed class TheNextWakeReadsTheLedgerIndexesTests
{
    [SkippableFact]
    public async Task In_an_unanalysed_burst_the_next_post_and_reminder_are_each_the_first_entry_of_their_index()
    {
        await using var db = await StorageFixture.PostgresAsync();
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        var context = StorageFixture.Get<CheckinDbContext>(scope);
        await UnanalysedBurst.PlanAsync(context, ledger, 20_000);
        var plans = await UnanalysedBurst.ExplainAsync(context);

        var next = await ledger.NextDueAfterAsync(UnanalysedBurst.RemindAt - Duration.FromMinutes(1), default);

        next.Should().Be(UnanalysedBurst.RemindAt, "the burst's reminders come first");
        var post = plans.Should().ContainSingle(p => p.Contains("ORDER BY o.\"Due\"", StringComparison.Ordinal), "auto_explain reports the next post").Subject;
        post.Should().Contain($"Index Only Scan using \"{CheckinDbContext.PendingInClaimOrder}\"").And.NotContain("Sort").And.NotContain("Bitmap");
        var reminder = plans.Should().ContainSingle(p => p.Contains("ORDER BY o.\"RemindAt\"", StringComparison.Ordinal), "auto_explain reports the next reminder").Subject;
        reminder.Should().Contain($"Index Scan using \"{CheckinDbContext.RemindersByTime}\"").And.NotContain("Sort").And.NotContain("Bitmap");
    }

    [SkippableFact]
    public async Task In_an_unanalysed_burst_the_next_lease_to_run_out_is_found_reading_the_claim_index_in_order()
    {
        await using var db = await StorageFixture.PostgresAsync();
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        var context = StorageFixture.Get<CheckinDbContext>(scope);
        await UnanalysedBurst.PlanAsync(context, ledger, 20_000);
        var at = UnanalysedBurst.Due;
        await ledger.ClaimDueAsync(at, "node-b", at + Duration.FromSeconds(30), 500, null, default);
        var plans = await UnanalysedBurst.ExplainAsync(context);

        var expiry = await ledger.NextLeaseExpiryAsync(at, default);

        expiry.Should().Be(at + Duration.FromSeconds(30), "node-b's leases run out then");
        var lease = plans.Should().ContainSingle(p => p.Contains("\"LeaseUntil\"", StringComparison.Ordinal), "auto_explain reports the statement").Subject;
        lease.Should().Contain($"Index Scan using \"{CheckinDbContext.PendingInClaimOrder}\"", "no index holds the leases: the due pending rows are read in the claim index's order")
            .And.NotContain("Bitmap", "a bitmap returns every entry, dead or not, and marks none");
    }
}
