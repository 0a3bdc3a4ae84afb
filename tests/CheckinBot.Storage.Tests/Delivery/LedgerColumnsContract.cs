using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>
/// The ledger keeps no column that nothing writes: the reminder token went when due reminders came to be marked and
/// returned in one statement, the claim token when the claim came to return the rows it leases in one statement; a
/// migration drops each on each database.
/// </summary>
public abstract class LedgerColumnsContract
{
    protected abstract Task<StorageFixture> CreateAsync();

    [SkippableFact]
    public async Task A_migrated_ledger_has_no_token_column()
    {
        await using var db = await CreateAsync();
        using var scope = db.Scope();
        var context = StorageFixture.Get<CheckinDbContext>(scope);
        var sql = context is PostgresCheckinDbContext
            ? """SELECT column_name AS "Value" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'Occurrences'"""
            : """SELECT name AS "Value" FROM pragma_table_info('Occurrences')""";

        var columns = await context.Database.SqlQueryRaw<string>(sql).ToListAsync();

        columns.Should().Contain("RemindAt", "the query reads the ledger's columns").And.NotContain("ReminderToken").And.NotContain("ClaimToken");
    }
}

public sealed class SqliteLedgerColumnsTests : LedgerColumnsContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.SqliteAsync();
}

public sealed class PostgresLedgerColumnsTests : LedgerColumnsContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.PostgresAsync();
}
