using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CheckinBot.Storage.Tests;

/// <summary>What the planner reads and writes stays bounded and exact, on every provider.</summary>
public abstract class PlanningContract
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);

    protected abstract Task<StorageFixture> CreateAsync();

    /// <summary>
    /// A task that completes once <paramref name="writer"/>'s next write has met rows another transaction holds
    /// (<paramref name="watcher"/> may be used to look).
    /// </summary>
    protected abstract Task<Task> WriteMeetsHeldRowsAsync(CheckinDbContext writer, CheckinDbContext watcher);

    [SkippableFact]
    public async Task Two_nodes_planning_the_same_occurrences_at_the_same_moment_keep_one_of_each_and_neither_fails()
    {
        await using var db = await CreateAsync();
        var (collaborationId, due, seeds) = Seeds(1_200);
        await using var nodeA = db.AnotherNode();
        await using var nodeB = db.AnotherNode();
        using var a = nodeA.CreateScope();
        using var b = nodeB.CreateScope();
        using var look = db.Scope();
        var metHeldRows = await WriteMeetsHeldRowsAsync(StorageFixture.Get<CheckinDbContext>(b), StorageFixture.Get<CheckinDbContext>(look));
        int addedByA, addedByB;

        // The barrier: A has written every other occurrence and not committed when B plans all of them, in another order.
        await using (var held = await StorageFixture.Get<CheckinDbContext>(a).Database.BeginTransactionAsync())
        {
            addedByA = await StorageFixture.Get<IOccurrenceLedger>(a).AddMissingAsync(seeds.Where((_, i) => i % 2 == 0).ToList(), default);
            var planningB = Task.Run(() => StorageFixture.Get<IOccurrenceLedger>(b).AddMissingAsync(Enumerable.Reverse(seeds).ToList(), default));
            (await Task.WhenAny(metHeldRows, planningB).WaitAsync(TimeSpan.FromMinutes(2))).Should().BeSameAs(metHeldRows, "B cannot finish while A holds rows it writes");
            await held.CommitAsync();
            addedByB = await planningB;
        }

        addedByA.Should().Be(600);
        addedByB.Should().Be(600, "B keeps A's rows and adds the rest");
        var ledger = StorageFixture.Get<IOccurrenceLedger>(look);
        var rows = await ledger.ListByCollaborationAsync(collaborationId, due, due, default);
        rows.Select(o => o.RhythmId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(seeds.Select(s => s.RhythmId));
        rows.Should().OnlyContain(o => o.Status == OccurrenceStatus.Pending && o.ReminderStatus == ReminderStatus.Pending && o.Attempts == 0);
    }

    [SkippableFact]
    public async Task A_plan_larger_than_one_write_adds_only_what_is_missing_and_plans_a_cancelled_occurrence_again()
    {
        await using var db = await CreateAsync();
        var (collaborationId, due, seeds) = Seeds(1_200);
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        (await ledger.AddMissingAsync(seeds[..300], default)).Should().Be(300);
        await ledger.CancelPendingAsync(seeds[7].RhythmId, due, default);

        (await ledger.AddMissingAsync(seeds, default)).Should().Be(900);

        (await ledger.FindAsync(seeds[7].RhythmId, due, default))!.Status.Should().Be(OccurrenceStatus.Pending, "its rhythm runs again");
        (await ledger.FindAsync(seeds[^1].RhythmId, due, default))!.Status.Should().Be(OccurrenceStatus.Pending);
        (await ledger.ListByCollaborationAsync(collaborationId, due, due, default)).Should().HaveCount(1_200);
    }

    [SkippableFact]
    public async Task Only_scheduled_rhythms_whose_watermark_is_before_the_horizon_are_listed_to_plan_a_page_at_a_time()
    {
        await using var db = await CreateAsync();
        var horizon = Now + Duration.FromMinutes(20);
        var due = Rhythms(4);
        due[3].Pause("U-ina", Now, until: null);
        using (var scope = db.Scope())
        {
            var store = StorageFixture.Get<IRhythmStore>(scope);
            await store.SaveAsync(due, default);
            await store.AdvancePlannedUntilAsync([due[2].Id], horizon + Duration.FromDays(1), default);
        }

        using var read = db.Scope();
        var rhythms = StorageFixture.Get<IRhythmStore>(read);
        var all = await rhythms.ListToPlanAsync(horizon, 10, null, default);
        var first = await rhythms.ListToPlanAsync(horizon, 1, null, default);
        var second = await rhythms.ListToPlanAsync(horizon, 1, PlanCursor.Of(first[0]), default);

        all.Select(r => r.Id).Should().BeEquivalentTo([due[0].Id, due[1].Id], "one is planned past the horizon and one is paused without an end");
        all.Should().Equal(PlanCursor.InPlanOrder(all), (a, b) => a.Id == b.Id, "pages come in plan order, as the cursor has it");
        first.Should().ContainSingle().Which.Id.Should().Be(all[0].Id);
        second.Should().ContainSingle().Which.Id.Should().Be(all[1].Id, "the next page starts after the cursor");
        all.Should().OnlyContain(r => r.Events.Count == 0, "the planner needs no audit trail");
    }

    [SkippableFact]
    public async Task Pages_from_a_cursor_return_every_rhythm_still_to_plan_once_while_rhythms_change_between_pages()
    {
        await using var db = await CreateAsync();
        var horizon = Now + Duration.FromHours(1);
        // Three collaborations of four rhythms, on three watermarks: plan order mixes them.
        var all = Enumerable.Range(0, 3).SelectMany(_ => Rhythms(4)).ToList();
        using (var scope = db.Scope())
        {
            var store = StorageFixture.Get<IRhythmStore>(scope);
            await store.SaveAsync(all, default);
            await store.AdvancePlannedUntilAsync(all.Where((_, i) => i % 3 == 1).Select(r => r.Id).ToList(), Now + Duration.FromMinutes(1), default);
            await store.AdvancePlannedUntilAsync(all.Where((_, i) => i % 3 == 2).Select(r => r.Id).ToList(), Now + Duration.FromMinutes(2), default);
        }

        var read = new List<Rhythm>();
        var pages = 0;
        PlanCursor? after = null;
        Guid? plannedElsewhere = null, paused = null;
        while (true)
        {
            using var scope = db.Scope();
            var store = StorageFixture.Get<IRhythmStore>(scope);
            var page = await store.ListToPlanAsync(horizon, 5, after, default);
            page.Select(r => r.Id).Should().Equal(PlanCursor.InPlanOrder(page).Select(r => r.Id), "the database and the cursor agree on plan order");
            read.AddRange(page);
            pages++;
            if (page.Count < 5)
            {
                break;
            }

            after = PlanCursor.Of(page[^1]);
            // Between pages: this page is planned (its watermarks pass the horizon), another node plans one rhythm still
            // ahead, and one rhythm still ahead is paused without an end.
            await store.AdvancePlannedUntilAsync(page.Select(r => r.Id).ToList(), horizon + Duration.FromDays(1), default);
            var ahead = (await store.ListToPlanAsync(horizon, 100, after, default)).Select(r => r.Id).ToList();
            if (plannedElsewhere is null && ahead.Count >= 2)
            {
                plannedElsewhere = ahead[0];
                await store.AdvancePlannedUntilAsync([ahead[0]], horizon + Duration.FromDays(1), default);
                var rhythm = (await store.GetManyAsync([ahead[1]], default)).Single();
                var tracked = (await store.ListByCollaborationAsync(rhythm.CollaborationId, default)).Single(r => r.Id == rhythm.Id);
                tracked.Pause("U-ina", Now, until: null);
                await store.SaveAsync([tracked], default);
                paused = tracked.Id;
            }
        }

        pages.Should().BeGreaterThan(2, "the rhythms take several pages");
        plannedElsewhere.Should().NotBeNull();
        read.Select(r => r.Id).Should().OnlyHaveUniqueItems("no rhythm is read twice")
            .And.BeEquivalentTo(all.Select(r => r.Id).Where(id => id != plannedElsewhere && id != paused),
                "every rhythm still to plan when its page came is read, and only those");
    }

    [SkippableFact]
    public async Task The_page_of_rhythms_to_plan_is_read_from_the_planners_index_from_the_cursor_up_to_its_end()
    {
        await using var db = await CreateAsync();
        var (plan, postgres) = await QueryPlan.OfAsync(db, postgres => $$"""
            SELECT * FROM "Rhythms"{{(postgres ? "" : $" INDEXED BY \"{CheckinDbContext.RhythmsToPlan}\"")}}
            WHERE {{CheckinDbContext.ScheduledRhythms}} AND "PlannedUntil" < 1
              AND ("PlannedUntil", "CollaborationId", "Id") > (0, '00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000')
            ORDER BY "PlannedUntil", "CollaborationId", "Id" LIMIT 10
            """);

        plan.Should().Contain(CheckinDbContext.RhythmsToPlan, "the page reads the index of scheduled rhythms in plan order");
        if (postgres)
        {
            plan.Split('\n').Should().Contain(l => l.Contains("Index Cond:") && l.Contains("ROW(\"PlannedUntil\", \"CollaborationId\", \"Id\") > ROW("),
                "the index scan starts at the cursor, not at the first scheduled rhythm");
            plan.Should().NotContain("Sort", "the index gives the rhythms in plan order, read up to the limit");
        }
        else
        {
            plan.Should().Contain("SEARCH", "the index is searched from the cursor, not scanned from its start")
                .And.Contain("(PlannedUntil,CollaborationId,Id)>", "the cursor bounds the search")
                .And.NotContain("TEMP B-TREE", "the index gives the rhythms in plan order, read up to the limit");
        }
    }

    /// <summary>One collaboration's occurrences, each of its own rhythm, all due at the same moment.</summary>
    private static (Guid CollaborationId, Instant Due, List<OccurrenceSeed> Seeds) Seeds(int count)
    {
        var collaborationId = Guid.NewGuid();
        var due = Now + Duration.FromHours(8);
        var seeds = Enumerable.Range(0, count)
            .Select(_ => new OccurrenceSeed(Guid.NewGuid(), collaborationId, due, due - Duration.FromMinutes(15)))
            .ToList();
        return (collaborationId, due, seeds);
    }

    private static List<Rhythm> Rhythms(int count)
    {
        var collaborationId = Guid.NewGuid();
        return Enumerable.Range(1, count).Select(n =>
        {
            var rhythm = Rhythm.Propose(collaborationId, n, RhythmKind.Update, Days.Weekdays, new LocalTime(17, 0), "Europe/Brussels", "U-ina", Side.Va, Now);
            rhythm.Accept("U-tom", Side.Client, Now);
            return rhythm;
        }).ToList();
    }
}

public sealed class SqlitePlanningTests : PlanningContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.SqliteAsync();

    protected override Task<Task> WriteMeetsHeldRowsAsync(CheckinDbContext writer, CheckinDbContext watcher) => HeldRows.SqliteInsertBegunAsync(writer);
}

public sealed class PostgresPlanningTests : PlanningContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.PostgresAsync();

    protected override Task<Task> WriteMeetsHeldRowsAsync(CheckinDbContext writer, CheckinDbContext watcher) => HeldRows.PostgresLockAwaitedAsync(watcher);
}
