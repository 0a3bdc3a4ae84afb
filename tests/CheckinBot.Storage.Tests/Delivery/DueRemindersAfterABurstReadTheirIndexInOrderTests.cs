using CheckinBot.Core.Occurrences;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>
/// A burst's reminders all go at one minute, and each one taken leaves a dead entry in the index of reminders still to
/// send until vacuum removes it. Before the burst is analysed, PostgreSQL read that index into a bitmap (with the pending
/// rows' index beside it) for every later take: a bitmap scan returns every entry, dead or not, and never marks the dead
/// ones, so each take at the due minute read all of them again (in a 100,000-rhythm burst, 24 scans and 2.4 million
/// entries). The take must read the index in order, which marks the dead entries as it passes them (once no snapshot in
/// the database is older than they are), so later takes skip them. The plan is the one PostgreSQL ran for the production statement, reported by auto_explain on the ledger's own
/// connection.
/// </summary>
public sealed class DueRemindersAfterABurstReadTheirIndexInOrderTests
{
    private static readonly Instant Due = UnanalysedBurst.Due;

    private static readonly Instant RemindAt = UnanalysedBurst.RemindAt;

    [SkippableFact]
    public async Task A_take_at_the_due_minute_reads_the_reminders_index_in_order_past_the_reminders_already_taken()
    {
        await using var db = await StorageFixture.PostgresAsync();
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        var context = StorageFixture.Get<CheckinDbContext>(scope);
        await UnanalysedBurst.PlanAsync(context, ledger, 20_000);
        var reminded = 0;
        for (var taken = -1; taken != 0; reminded += taken)
        {
            taken = (await ledger.TakeDueRemindersAsync(RemindAt, 500, default)).Count;
        }

        reminded.Should().Be(20_000, "every reminder of the burst went at its minute");
        var plans = await UnanalysedBurst.ExplainAsync(context);

        (await ledger.TakeDueRemindersAsync(Due, 500, default)).Should().BeEmpty("every reminder was taken at its minute");

        var take = plans.Should().ContainSingle(p => p.Contains("\"ReminderStatus\" = CASE", StringComparison.Ordinal),
            "auto_explain reports the take at the due minute").Subject;
        take.Should().Contain("Index Scan using \"IX_Occurrences_RemindAt_Pending\"", "the take reads the reminders index in order")
            .And.NotContain("Bitmap", "a bitmap returns every entry, dead or not, and marks none")
            .And.NotContain("Sort", "the index gives the reminders in time order");
    }
}
