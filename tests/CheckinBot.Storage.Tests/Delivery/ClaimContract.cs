using System.Collections.Concurrent;
using CheckinBot.Core.Occurrences;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>
/// The ledger's claim: one atomic statement, a lease from the claim's moment, renewed only by its holder; Post now by the
/// same rules. One contract for the three ledgers: SQLite, PostgreSQL and the kit's in-memory one that other tests use.
/// </summary>
public abstract class ClaimContract
{
    private static readonly Instant Due = Instant.FromUtc(2026, 12, 1, 16, 0);
    private static readonly Duration Lease = Duration.FromSeconds(15);

    protected abstract Task<ILedgerHost> CreateAsync();

    [SkippableFact]
    public async Task Two_nodes_claiming_at_the_same_moment_never_share_an_occurrence()
    {
        await using var db = await CreateAsync();
        var seeds = Seeds(400);
        using (var scope = db.Scope())
        {
            await StorageFixture.Get<IOccurrenceLedger>(scope).AddMissingAsync(seeds, default);
        }

        await using var nodeA = db.AnotherNode();
        await using var nodeB = db.AnotherNode();
        var claimed = new ConcurrentBag<(string Worker, Guid Id)>();
        var firstClaimsLeft = 6;
        var everyWorkerClaimedOnce = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = new[] { ("a1", nodeA), ("a2", nodeA), ("a3", nodeA), ("b1", nodeB), ("b2", nodeB), ("b3", nodeB) }.Select(w => Task.Run(async () =>
        {
            var (name, node) = w;
            while (true)
            {
                using var scope = node.CreateScope();
                var batch = await scope.ServiceProvider.GetRequiredService<IOccurrenceLedger>().ClaimDueAsync(Due, name, Due + Lease, 15, null, default);
                if (!everyWorkerClaimedOnce.Task.IsCompleted)
                {
                    // No worker claims twice before all six have claimed once: the first round overlaps for certain, however the threads are scheduled.
                    if (Interlocked.Decrement(ref firstClaimsLeft) == 0)
                    {
                        everyWorkerClaimedOnce.SetResult();
                    }

                    await everyWorkerClaimedOnce.Task;
                }

                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var occurrence in batch)
                {
                    claimed.Add((name, occurrence.Id));
                }
            }
        }));
        await Task.WhenAll(workers);

        claimed.Select(c => c.Id).Should().OnlyHaveUniqueItems("no occurrence is claimed twice").And.HaveCount(400, "every due occurrence is claimed");
        claimed.Select(c => c.Worker).Distinct().Should().HaveCount(6, "each worker's first claim, made side by side, found rows of its own");
    }

    [SkippableFact]
    public async Task A_claim_leases_from_the_moment_it_is_given_and_only_its_holder_renews_it()
    {
        await using var db = await CreateAsync();
        var seeds = Seeds(3);
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        await ledger.AddMissingAsync(seeds, default);

        var at = Due + Duration.FromSeconds(40);
        var batch = await ledger.ClaimDueAsync(at, "worker-a", at + Lease, 10, null, default);
        batch.Should().HaveCount(3).And.OnlyContain(o => o.LeaseUntil == at + Lease && o.LeaseOwner == "worker-a" && o.Attempts == 1);
        batch.Select(o => o.Due).Should().BeInAscendingOrder();

        var ids = batch.Select(o => o.Id).ToList();
        (await ledger.RenewAsync("worker-b", ids, at + Duration.FromMinutes(5), default)).Should().Be(0, "worker-b holds none of them");
        (await ledger.RenewAsync("worker-a", ids, at + Duration.FromSeconds(5) + Lease, default)).Should().Be(3);
        (await ledger.ClaimDueAsync(at + Lease, "worker-b", at + Lease + Lease, 10, null, default)).Should().BeEmpty("the renewed lease still holds");
        (await ledger.NextLeaseExpiryAsync(at + Lease, default)).Should().Be(at + Duration.FromSeconds(5) + Lease);

        var later = at + Duration.FromSeconds(5) + Lease;
        var takenOver = await ledger.ClaimDueAsync(later, "worker-b", later + Lease, 10, null, default);
        takenOver.Should().HaveCount(3).And.OnlyContain(o => o.LeaseOwner == "worker-b" && o.Attempts == 2);
        (await ledger.RenewAsync("worker-a", ids, later + Duration.FromMinutes(5), default)).Should().Be(0, "worker-a lost them to the takeover");
    }

    [SkippableFact]
    public async Task Post_now_does_not_take_an_occurrence_a_running_claim_holds_but_takes_it_once_that_lease_ran_out()
    {
        await using var db = await CreateAsync();
        var seeds = Seeds(1);
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        await ledger.AddMissingAsync(seeds, default);
        var running = (await ledger.ClaimDueAsync(Due, "worker-a", Due + Lease, 10, null, default)).Single();

        (await ledger.ClaimOneAsync(running.Id, Due + Duration.FromSeconds(1), "worker-b", Due + Lease, default)).Should().BeNull("worker-a is posting it");

        var taken = await ledger.ClaimOneAsync(running.Id, Due + Lease, "worker-b", Due + Lease + Lease, default);
        taken.Should().NotBeNull();
        taken!.Should().Match<Occurrence>(o => o.LeaseOwner == "worker-b" && o.Attempts == 2 && o.LeaseUntil == Due + Lease + Lease);
        (await ledger.ClaimDueAsync(Due + Lease, "worker-c", Due + Lease + Lease, 10, null, default)).Should().BeEmpty("Post now holds it now");
    }

    [SkippableFact]
    public async Task Post_now_takes_an_occurrence_before_it_is_due_and_a_posted_one_never()
    {
        await using var db = await CreateAsync();
        var seeds = Seeds(1);
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        await ledger.AddMissingAsync(seeds, default);
        var id = (await ledger.FindAsync(seeds[0].RhythmId, seeds[0].Due, default))!.Id;
        var early = Due - Duration.FromMinutes(10);

        (await ledger.ClaimDueAsync(early, "worker-a", early + Lease, 10, null, default)).Should().BeEmpty("it is not due yet");
        var claimed = await ledger.ClaimOneAsync(id, early, "worker-a", early + Lease, default);
        claimed.Should().NotBeNull();
        await ledger.RecordAsync("worker-a", [new PostOutcome(id, OccurrenceStatus.Posted, early, "m-1", false)], default);

        (await ledger.ClaimOneAsync(id, Due + Duration.FromHours(1), "worker-b", Due + Duration.FromHours(2), default)).Should().BeNull();
        (await ledger.ClaimDueAsync(Due + Duration.FromHours(1), "worker-b", Due + Duration.FromHours(2), 10, null, default)).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task A_mark_that_an_occurrence_is_being_sent_stays_with_it_into_the_next_claim()
    {
        await using var db = await CreateAsync();
        var seeds = Seeds(2);
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        await ledger.AddMissingAsync(seeds, default);
        var claimed = await ledger.ClaimDueAsync(Due, "worker-a", Due + Lease, 10, null, default);
        claimed.Should().OnlyContain(o => o.SendingSince == null);

        await ledger.MarkSendingAsync("worker-b", [claimed[0].Id], Due, default);
        await ledger.MarkSendingAsync("worker-a", [claimed[1].Id], Due + Duration.FromSeconds(1), default);

        var takenOver = await ledger.ClaimDueAsync(Due + Lease, "worker-b", Due + Lease + Lease, 10, null, default);
        takenOver.Single(o => o.Id == claimed[0].Id).SendingSince.Should().BeNull("worker-b held no lease on it when it marked it");
        takenOver.Single(o => o.Id == claimed[1].Id).SendingSince.Should().Be(Due + Duration.FromSeconds(1));
    }

    [SkippableFact]
    public async Task Claims_from_a_cursor_take_the_next_unleased_occurrences_in_claim_order_each_once()
    {
        await using var db = await CreateAsync();
        var seeds = SeedsAtOneMoment(collaborations: 4, each: 9);
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        await ledger.AddMissingAsync(seeds, default);
        var inClaimOrder = await InClaimOrderAsync(ledger, seeds);

        var firstOfA = await ledger.ClaimDueAsync(Due, "worker-a", Due + Lease, 7, null, default);
        var firstOfB = await ledger.ClaimDueAsync(Due, "worker-b", Due + Lease, 5, null, default);
        var secondOfA = await ledger.ClaimDueAsync(Due, "worker-a", Due + Lease, 7, ClaimCursor.Last(firstOfA), default);

        firstOfA.Select(o => o.Id).Should().Equal(inClaimOrder.Take(7), "a fresh claim starts from the earliest");
        firstOfB.Select(o => o.Id).Should().Equal(inClaimOrder.Skip(7).Take(5), "worker-a's claim is leased");
        secondOfA.Select(o => o.Id).Should().Equal(inClaimOrder.Skip(12).Take(7), "after its cursor, worker-a finds worker-b's claim leased and takes the next free ones");

        var rest = new List<Occurrence>();
        ClaimCursor? after = ClaimCursor.Last(secondOfA);
        for (var batch = await ledger.ClaimDueAsync(Due, "worker-a", Due + Lease, 4, after, default); batch.Count > 0;
             batch = await ledger.ClaimDueAsync(Due, "worker-a", Due + Lease, 4, after, default))
        {
            batch.Select(o => o.Id).Should().Equal(inClaimOrder.Skip(19 + rest.Count).Take(batch.Count), "the database and the cursor agree on claim order");
            rest.AddRange(batch);
            after = ClaimCursor.Last(batch);
        }

        rest.Should().HaveCount(36 - 19, "every occurrence after the cursor was claimed, none twice and none passed over");
        (await ledger.ClaimDueAsync(Due, "worker-c", Due + Lease, 50, null, default)).Should().BeEmpty("all are leased");
    }

    [SkippableFact]
    public async Task A_fresh_claim_takes_over_the_expired_leases_that_a_cursor_has_passed()
    {
        await using var db = await CreateAsync();
        var seeds = SeedsAtOneMoment(collaborations: 2, each: 5);
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        await ledger.AddMissingAsync(seeds, default);
        var ofTheDeadNode = await ledger.ClaimDueAsync(Due, "worker-a", Due + Lease, 4, null, default);
        var survivor = await ledger.ClaimDueAsync(Due, "worker-b", Due + Lease, 50, null, default);
        survivor.Should().HaveCount(6);
        await ledger.RecordAsync("worker-b", survivor.Select(o => new PostOutcome(o.Id, OccurrenceStatus.Posted, Due, "m-" + o.Id, false)).ToList(), default);

        var expired = Due + Lease;
        (await ledger.ClaimDueAsync(expired, "worker-b", expired + Lease, 50, ClaimCursor.Last(survivor), default))
            .Should().BeEmpty("the dead node's occurrences come before the survivor's cursor");
        (await ledger.ClaimDueAsync(expired - Duration.FromMilliseconds(1), "worker-b", expired + Lease, 50, null, default))
            .Should().BeEmpty("their lease still runs");
        var takenOver = await ledger.ClaimDueAsync(expired, "worker-b", expired + Lease, 50, null, default);

        takenOver.Select(o => o.Id).Should().Equal(ofTheDeadNode.Select(o => o.Id), "the survivor's next cycle starts from the earliest");
        takenOver.Should().OnlyContain(o => o.LeaseOwner == "worker-b" && o.Attempts == 2);
    }

    [SkippableFact]
    public async Task Workers_claiming_side_by_side_from_their_own_cursors_never_share_an_occurrence()
    {
        await using var db = await CreateAsync();
        var seeds = SeedsAtOneMoment(collaborations: 40, each: 10);
        using (var scope = db.Scope())
        {
            await StorageFixture.Get<IOccurrenceLedger>(scope).AddMissingAsync(seeds, default);
        }

        await using var nodeA = db.AnotherNode();
        await using var nodeB = db.AnotherNode();
        var claimed = new ConcurrentBag<(string Worker, Guid Id)>();
        var names = new[] { "a1", "a2", "a3", "b1", "b2", "b3" };
        using var everyRound = new Barrier(names.Length);
        var workers = names.Select(name => Task.Factory.StartNew(() =>
        {
            var node = name[0] == 'a' ? nodeA : nodeB;
            ClaimCursor? after = null;
            var done = false;
            while (true)
            {
                // Each round, all six claim side by side, each from its own cursor: the claims overlap however threads are scheduled.
                everyRound.SignalAndWait();
                if (done)
                {
                    everyRound.RemoveParticipant();
                    return;
                }

                using var scope = node.CreateScope();
                var batch = scope.ServiceProvider.GetRequiredService<IOccurrenceLedger>().ClaimDueAsync(Due, name, Due + Lease, 15, after, default).GetAwaiter().GetResult();
                foreach (var occurrence in batch)
                {
                    claimed.Add((name, occurrence.Id));
                }

                done = batch.Count == 0;
                after = batch.Count > 0 ? ClaimCursor.Last(batch) : after;
            }
        }, TaskCreationOptions.LongRunning));
        await Task.WhenAll(workers);

        claimed.Select(c => c.Id).Should().OnlyHaveUniqueItems("no occurrence is claimed twice").And.HaveCount(400, "every due occurrence is claimed");
        claimed.Select(c => c.Worker).Distinct().Should().HaveCount(6, "each worker's first claim, made side by side, found rows of its own");
    }

    [SkippableFact]
    public async Task Two_nodes_taking_reminders_in_turn_take_each_due_reminder_once_earliest_first_and_none_whose_update_is_due()
    {
        await using var db = await CreateAsync();
        var now = Due - Duration.FromMinutes(5);
        var collaborationId = Guid.NewGuid();
        var coming = Enumerable.Range(0, 10)
            .Select(i => new OccurrenceSeed(Guid.NewGuid(), collaborationId, Due, Due - Duration.FromMinutes(15) + Duration.FromSeconds(i))).ToList();
        var overdue = Enumerable.Range(0, 2)
            .Select(i => new OccurrenceSeed(Guid.NewGuid(), collaborationId, now - Duration.FromMinutes(1), now - Duration.FromMinutes(20) + Duration.FromSeconds(i))).ToList();
        var later = new OccurrenceSeed(Guid.NewGuid(), collaborationId, Due + Duration.FromHours(1), now + Duration.FromMinutes(1));
        using (var scope = db.Scope())
        {
            await StorageFixture.Get<IOccurrenceLedger>(scope).AddMissingAsync([.. coming, .. overdue, later], default);
        }

        await using var nodeA = db.AnotherNode();
        await using var nodeB = db.AnotherNode();
        var taken = new List<Occurrence>();
        for (var turn = 0; ; turn++)
        {
            using var scope = (turn % 2 == 0 ? nodeA : nodeB).CreateScope();
            var batch = await scope.ServiceProvider.GetRequiredService<IOccurrenceLedger>().TakeDueRemindersAsync(now, 3, default);
            batch.Select(o => o.RemindAt).Should().BeInAscendingOrder();
            taken.AddRange(batch);
            if (batch.Count == 0)
            {
                break;
            }
        }

        taken.Select(o => o.RhythmId).Should().Equal(coming.Select(s => s.RhythmId), "each reminder still ahead of its update is taken once, the earliest first");
        taken.Should().OnlyContain(o => o.ReminderStatus == ReminderStatus.Sent);
        using var look = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(look);
        foreach (var seed in overdue)
        {
            (await ledger.FindAsync(seed.RhythmId, seed.Due, default))!.ReminderStatus.Should().Be(ReminderStatus.NotSent, "its update is already due");
        }

        (await ledger.FindAsync(later.RhythmId, later.Due, default))!.ReminderStatus.Should().Be(ReminderStatus.Pending, "its reminder is not due yet");
    }

    /// <summary>The ids of the seeds' occurrences in claim order, as the cursor orders them.</summary>
    private static async Task<List<Guid>> InClaimOrderAsync(IOccurrenceLedger ledger, IEnumerable<OccurrenceSeed> seeds)
    {
        var rows = new List<Occurrence>();
        foreach (var seed in seeds)
        {
            rows.Add((await ledger.FindAsync(seed.RhythmId, seed.Due, default))!);
        }

        return ClaimCursor.InClaimOrder(rows).Select(o => o.Id).ToList();
    }

    /// <summary>Occurrences all due at one moment, as in a burst, of several collaborations with several rhythms each.</summary>
    private static List<OccurrenceSeed> SeedsAtOneMoment(int collaborations, int each) =>
        Enumerable.Range(0, collaborations).SelectMany(_ =>
        {
            var collaborationId = Guid.NewGuid();
            return Enumerable.Range(0, each).Select(_ => new OccurrenceSeed(Guid.NewGuid(), collaborationId, Due, Due - Duration.FromMinutes(15)));
        }).ToList();

    private static List<OccurrenceSeed> Seeds(int count)
    {
        var collaborationId = Guid.NewGuid();
        return Enumerable.Range(0, count)
            .Select(i => new OccurrenceSeed(Guid.NewGuid(), collaborationId, Due - Duration.FromMilliseconds(i), Due - Duration.FromMinutes(15)))
            .ToList();
    }
}

public sealed class SqliteClaimTests : ClaimContract
{
    protected override async Task<ILedgerHost> CreateAsync() => await StorageFixture.SqliteAsync();
}

public sealed class PostgresClaimTests : ClaimContract
{
    protected override async Task<ILedgerHost> CreateAsync() => await StorageFixture.PostgresAsync();
}

public sealed class InMemoryClaimTests : ClaimContract
{
    protected override Task<ILedgerHost> CreateAsync() => Task.FromResult<ILedgerHost>(new InMemoryLedgerHost());
}
