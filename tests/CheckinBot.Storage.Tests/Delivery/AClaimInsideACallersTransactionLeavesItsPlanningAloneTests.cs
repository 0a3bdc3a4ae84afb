using CheckinBot.Core.Occurrences;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>
/// The claim, the reminders' take and the outcomes turn sequential and bitmap scans off for their one statement
/// (see ABurstClaimReadsTheIndexInOrderTests, BurstOutcomesFindTheirRowsByPrimaryKeyTests).
/// A caller that opens a transaction around them must get the setting back as it was right after, not for the rest of
/// its transaction.
/// </summary>
public sealed class AClaimInsideACallersTransactionLeavesItsPlanningAloneTests
{
    private static readonly Instant Due = Instant.FromUtc(2026, 12, 1, 17, 0);

    [SkippableFact]
    public async Task Scans_are_on_again_in_the_callers_transaction_after_a_claim_a_take_and_outcomes()
    {
        await using var db = await StorageFixture.PostgresAsync();
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        var context = StorageFixture.Get<CheckinDbContext>(scope);
        var seeds = Enumerable.Range(0, 10)
            .Select(_ => new OccurrenceSeed(Guid.NewGuid(), Guid.NewGuid(), Due, Due - Duration.FromMinutes(15)))
            .ToList();
        await ledger.AddMissingAsync(seeds, default);

        await using var transaction = await context.Database.BeginTransactionAsync();
        var reminders = await ledger.TakeDueRemindersAsync(Due - Duration.FromMinutes(15), 100, default);
        var afterTake = await BitmapScansAsync(context);
        var claimed = await ledger.ClaimDueAsync(Due, "node-a", Due + Duration.FromSeconds(10), 100, null, default);
        var afterClaim = await BitmapScansAsync(context);
        await ledger.RecordAsync("node-a", claimed.Select(o => new PostOutcome(o.Id, OccurrenceStatus.Posted, Due, "m", Late: false)).ToList(), default);
        var afterOutcomes = await BitmapScansAsync(context);
        var seqScansAfterOutcomes = await context.Database.SqlQueryRaw<string>("""SELECT current_setting('enable_seqscan') AS "Value" """).SingleAsync();
        await transaction.CommitAsync();

        reminders.Should().HaveCount(10);
        claimed.Should().HaveCount(10);
        afterTake.Should().Be("on", "the take's setting lasts for its statement only");
        afterClaim.Should().Be("on", "the claim's setting lasts for its statement only");
        afterOutcomes.Should().Be("on", "the outcomes' settings last for their statement only");
        seqScansAfterOutcomes.Should().Be("on", "the outcomes' settings last for their statement only");
        (await ledger.ClaimDueAsync(Due, "node-b", Due + Duration.FromSeconds(10), 100, null, default))
            .Should().BeEmpty("the claim in the caller's transaction was committed with it");
    }

    private static Task<string> BitmapScansAsync(CheckinDbContext context) =>
        context.Database.SqlQueryRaw<string>("""SELECT current_setting('enable_bitmapscan') AS "Value" """).SingleAsync();
}
