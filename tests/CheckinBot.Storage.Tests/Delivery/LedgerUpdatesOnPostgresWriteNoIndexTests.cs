using CheckinBot.Core.Occurrences;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;

namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>
/// On PostgreSQL an update that changes no indexed column (nor a column an index filters on), and finds room on its page,
/// is HOT: it writes no index entry. The ledger's claim, its mark "handed to the platform" and a lease renewal are such
/// updates; only the outcome, which ends "pending", writes index entries. Counted by PostgreSQL itself for one
/// transaction (<c>pg_stat_get_xact_tuples_hot_updated</c>), so nothing waits for the statistics to be flushed.
/// </summary>
public class LedgerUpdatesOnPostgresWriteNoIndexTests
{
    private static readonly Instant Due = DeliveryWorld.Due;

    [SkippableFact]
    public async Task A_claim_a_mark_and_a_renewal_are_HOT_updates_and_only_the_outcome_writes_index_entries()
    {
        await using var world = await DeliveryWorld.StartAsync(() => StorageFixture.PostgresAsync());
        await world.PlanAsync(10);
        using var scope = world.Database.Scope();
        var db = StorageFixture.Get<CheckinDbContext>(scope);
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var lease = Duration.FromSeconds(9);

        var claimed = await ledger.ClaimDueAsync(Due, "node-a", Due + lease, 10, null, default);
        var afterClaim = await UpdatesAsync(db);
        var ids = claimed.Select(o => o.Id).ToList();
        await ledger.MarkSendingAsync("node-a", ids, Due, default);
        var afterMark = await UpdatesAsync(db);
        (await ledger.RenewAsync("node-a", ids, Due + lease + lease, default)).Should().Be(10);
        var afterRenewal = await UpdatesAsync(db);
        await ledger.RecordAsync("node-a", claimed.Select(o => new PostOutcome(o.Id, OccurrenceStatus.Posted, Due, "m-" + o.Id, false)).ToList(), default);
        var afterOutcome = await UpdatesAsync(db);

        claimed.Should().HaveCount(10);
        afterClaim.Should().Be((10, 10), "the claim sets the lease and the attempts, which no index names");
        (afterMark.All - afterClaim.All, afterMark.Hot - afterClaim.Hot).Should().Be((10, 10), "the mark sets only when it was handed over");
        (afterRenewal.All - afterMark.All, afterRenewal.Hot - afterMark.Hot).Should().Be((10, 10), "a renewal moves only the lease's end");
        (afterOutcome.All - afterRenewal.All, afterOutcome.Hot - afterRenewal.Hot).Should().Be((10, 0), "the outcome ends 'pending', which the claim's index filters on");
    }

    [SkippableFact]
    public async Task The_ledger_leaves_room_on_each_page_for_the_new_versions()
    {
        await using var database = await StorageFixture.PostgresAsync();
        using var scope = database.Scope();
        var db = StorageFixture.Get<CheckinDbContext>(scope);

        var options = await db.Database.SqlQueryRaw<string>("""SELECT unnest(reloptions) AS "Value" FROM pg_class WHERE relname = 'Occurrences'""").ToListAsync();

        options.Should().Contain("fillfactor=40", "a pending row gets two new versions before its outcome (LedgerRoomForTwoVersions)");
    }

    /// <summary>The ledger's rows updated in this transaction so far, and how many of those updates were HOT.</summary>
    private static async Task<(long All, long Hot)> UpdatesAsync(CheckinDbContext db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = """
            SELECT pg_stat_get_xact_tuples_updated('"Occurrences"'::regclass), pg_stat_get_xact_tuples_hot_updated('"Occurrences"'::regclass)
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
