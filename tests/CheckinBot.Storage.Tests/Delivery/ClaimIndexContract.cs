namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>The claim reads the index of pending occurrences in claim order from its cursor, on each database.</summary>
public abstract class ClaimIndexContract
{
    protected abstract Task<StorageFixture> CreateAsync();

    [SkippableFact]
    public async Task The_claim_finds_its_rows_through_the_claim_index()
    {
        await using var db = await CreateAsync();
        var (plan, postgres) = await QueryPlan.OfAsync(db, _ => """
            SELECT "Id" FROM "Occurrences"
            WHERE "Status" = 'Pending' AND "Due" <= 1 AND ("Due", "CollaborationId", "Id") > (0, '00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000')
              AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= 1)
            ORDER BY "Due", "CollaborationId", "Id" LIMIT 10
            """);

        plan.Should().Contain("IX_Occurrences_Claim_Pending", "the claim reads the index of pending rows in claim order");
        if (postgres)
        {
            plan.Split('\n').Should().Contain(l => l.Contains("Index Cond:") && l.Contains("ROW(\"Due\", \"CollaborationId\", \"Id\") > ROW("),
                "the index scan starts at the cursor, not at the earliest pending row");
            plan.Should().NotContain("Sort", "the index gives the rows in claim order, read up to the limit");
        }
        else
        {
            plan.Should().Contain("SEARCH", "the index is searched from the cursor, not scanned from its start")
                .And.Contain("(Due,CollaborationId,Id)>", "the cursor bounds the search")
                .And.NotContain("TEMP B-TREE", "the index gives the rows in claim order, read up to the limit");
        }
    }
}

public sealed class SqliteClaimIndexTests : ClaimIndexContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.SqliteAsync();
}

public sealed class PostgresClaimIndexTests : ClaimIndexContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.PostgresAsync();
}
