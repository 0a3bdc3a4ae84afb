using CheckinBot.Core.Occurrences;
using CheckinBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CheckinBot.Scheduling.Tests;

/// <summary>
/// The delivery loop that runs on every node, on one provider's database, with each node's clock a FakeTimeProvider: the
/// loop says when it sleeps and until when, the test moves the clock there, and waits until the loop sleeps again.
/// </summary>
public abstract class DeliveryLoopContract
{
    /// <summary>Monday 30 November 2026, 17:00 in Brussels.</summary>
    private static readonly Instant Due = Instant.FromUtc(2026, 11, 30, 16, 0);

    private static readonly Instant AgreedAt = Instant.FromUtc(2026, 11, 30, 9, 0);

    /// <summary>Long enough that only what the ledger says wakes the loop.</summary>
    private static readonly TimeSpan NoPoll = TimeSpan.FromHours(1);

    private static readonly Duration Lease = new DeliveryOptions().Lease;

    protected abstract Task<LoopDatabase> CreateDatabaseAsync();

    /// <summary>What the loops are awaited for happens within milliseconds; a minute only turns a broken loop into a failure, not a hang.</summary>
    private static Task<T> Soon<T>(Task<T> task) => task.WaitAsync(TimeSpan.FromMinutes(1));

    private static Task Soon(Task task) => task.WaitAsync(TimeSpan.FromMinutes(1));

    [SkippableFact]
    public async Task The_loop_sleeps_until_the_due_minute_and_then_posts_what_fell_due_stamped_with_that_minute()
    {
        await using var database = await CreateDatabaseAsync();
        var platform = new RecordingGateway();
        await using var node = await database.NodeAsync("node-a", Due - Duration.FromSeconds(30), platform);
        await node.AgreeAsync(AgreedAt, count: 3);
        await node.PlanAtAsync(Due - Duration.FromMinutes(16));
        using var loop = node.Loop(NoPoll);

        await loop.StartAsync(CancellationToken.None);
        var until = await Soon(loop.AsleepAfterAsync(Due - Duration.FromSeconds(30)));
        platform.ChannelPosts.Should().BeEmpty("nothing is due yet");
        until.Should().Be(Due);

        node.Time.SetUtcNow(Due.ToDateTimeOffset());
        await Soon(loop.AsleepAfterAsync(Due));
        await loop.StopAsync(CancellationToken.None);

        platform.ChannelPosts.Should().HaveCount(3).And.OnlyContain(p => p.At == Due.ToDateTimeOffset());
        (await node.LedgerAsync(Due, Due)).Should().HaveCount(3).And.OnlyContain(o => o.Status == OccurrenceStatus.Posted && !o.Late);
    }

    [SkippableFact]
    public async Task A_reminder_postponed_to_the_middle_of_a_minute_wakes_the_loop_at_that_moment()
    {
        await using var database = await CreateDatabaseAsync();
        var platform = new RecordingGateway();
        var postponedTo = Due - Duration.FromSeconds(7 * 60 + 30);
        await using var node = await database.NodeAsync("node-a", Due - Duration.FromSeconds(7 * 60 + 50), platform);
        await node.AgreeAsync(AgreedAt);
        await node.PlanAtAsync(Due - Duration.FromMinutes(16));
        var occurrence = (await node.LedgerAsync(Due, Due)).Single();
        await node.WithAsync(async sp =>
        {
            await sp.GetRequiredService<IOccurrenceLedger>().RemindAgainAsync(occurrence.Id, postponedTo, CancellationToken.None);
            return 0;
        });
        using var loop = node.Loop(NoPoll);

        await loop.StartAsync(CancellationToken.None);
        (await Soon(loop.AsleepAfterAsync(Due - Duration.FromMinutes(8)))).Should().Be(postponedTo, "it comes before the next minute");
        platform.DirectMessages.Should().BeEmpty();

        node.Time.SetUtcNow(postponedTo.ToDateTimeOffset());
        (await Soon(loop.AsleepAfterAsync(postponedTo))).Should().Be(postponedTo + Duration.FromSeconds(30), "the next minute is what comes next");
        await loop.StopAsync(CancellationToken.None);

        platform.DirectMessages.Should().ContainSingle().Which.At.Should().Be(postponedTo.ToDateTimeOffset());
    }

    [SkippableFact]
    public async Task The_loop_wakes_when_a_dead_nodes_lease_runs_out_and_posts_its_work_once()
    {
        await using var database = await CreateDatabaseAsync();
        var platform = new RecordingGateway();
        await using var survivor = await database.NodeAsync("node-b", Due + Duration.FromSeconds(1), platform);
        for (var c = 0; c < 3; c++)
        {
            await survivor.AgreeAsync(AgreedAt, conversation: "C" + c);
        }

        await survivor.PlanAtAsync(Due - Duration.FromMinutes(16));
        var claimed = await survivor.WithAsync(sp => sp.GetRequiredService<IOccurrenceLedger>().ClaimDueAsync(Due, "node-a", Due + Lease, 10, null, CancellationToken.None));
        claimed.Should().HaveCount(3, "node A claimed them all at the due minute, then died");
        using var loop = survivor.Loop(NoPoll);

        await loop.StartAsync(CancellationToken.None);
        var until = await Soon(loop.AsleepAfterAsync(Due + Duration.FromSeconds(1)));
        platform.ChannelPosts.Should().BeEmpty("node A's lease still holds");
        until.Should().BeGreaterThan(Due + Lease).And.BeLessThan(Due + Lease + Duration.FromSeconds(1), "the loop sleeps until just after the lease runs out, not until the next minute");

        survivor.Time.SetUtcNow(until.ToDateTimeOffset());
        await Soon(loop.AsleepAfterAsync(until));
        await loop.StopAsync(CancellationToken.None);

        platform.ChannelPosts.Select(p => p.OccurrenceKey).Should().HaveCount(3).And.OnlyHaveUniqueItems();
        (await survivor.LedgerAsync(Due, Due)).Should().OnlyContain(o => o.Status == OccurrenceStatus.Posted && o.LeaseOwner == "node-b" && o.PostedAt < Due + Duration.FromSeconds(20));
    }

    [SkippableFact]
    public async Task Two_loops_on_one_database_share_a_burst_and_post_each_occurrence_exactly_once()
    {
        await using var database = await CreateDatabaseAsync();
        var platform = new RecordingGateway();
        var (toA, toB) = (new HeldGateway(platform), new HeldGateway(platform));
        await using var a = await database.NodeAsync("node-a", Due - Duration.FromSeconds(30), toA, o => o.BatchSize = 5);
        await using var b = await database.NodeAsync("node-b", Due - Duration.FromSeconds(30), toB, o => o.BatchSize = 5);
        for (var c = 0; c < 40; c++)
        {
            await a.AgreeAsync(AgreedAt, conversation: "C" + c);
        }

        await a.PlanAtAsync(Due - Duration.FromMinutes(16));
        using var loopA = a.Loop(NoPoll);
        using var loopB = b.Loop(NoPoll);
        await loopA.StartAsync(CancellationToken.None);
        await loopB.StartAsync(CancellationToken.None);
        (await Soon(loopA.AsleepAfterAsync(Due - Duration.FromSeconds(30)))).Should().Be(Due);
        (await Soon(loopB.AsleepAfterAsync(Due - Duration.FromSeconds(30)))).Should().Be(Due);

        // Neither node's posts go through until both are posting: the burst is shared, whatever the threads do.
        a.Time.SetUtcNow(Due.ToDateTimeOffset());
        b.Time.SetUtcNow(Due.ToDateTimeOffset());
        await Soon(Task.WhenAll(toA.Holding(1), toB.Holding(1)));
        toA.Open();
        toB.Open();
        await Soon(Task.WhenAll(loopA.AsleepAfterAsync(Due), loopB.AsleepAfterAsync(Due)));
        await Task.WhenAll(loopA.StopAsync(CancellationToken.None), loopB.StopAsync(CancellationToken.None));

        platform.ChannelPosts.Select(p => p.OccurrenceKey).Should().HaveCount(40).And.OnlyHaveUniqueItems();
        toA.Passed.Should().BePositive();
        toB.Passed.Should().BePositive();
        (toA.Passed + toB.Passed).Should().Be(40);
        var rows = await a.LedgerAsync(Due, Due);
        rows.Should().HaveCount(40).And.OnlyContain(o => o.Status == OccurrenceStatus.Posted && o.Attempts == 1);
        rows.Select(o => o.LeaseOwner).Distinct().Should().BeEquivalentTo(["node-a", "node-b"]);
    }

    [SkippableFact]
    public async Task A_stopped_loop_posts_nothing_more_and_leaves_its_claims_to_expire_for_another_node()
    {
        await using var database = await CreateDatabaseAsync();
        var platform = new RecordingGateway();
        var held = new HeldGateway(platform);
        await using var stopping = await database.NodeAsync("node-a", Due - Duration.FromSeconds(30), held);
        for (var c = 0; c < 3; c++)
        {
            await stopping.AgreeAsync(AgreedAt, conversation: "C" + c);
        }

        await stopping.PlanAtAsync(Due - Duration.FromMinutes(16));
        using (var loop = stopping.Loop(NoPoll))
        {
            await loop.StartAsync(CancellationToken.None);
            await Soon(loop.AsleepAfterAsync(Due - Duration.FromSeconds(30)));
            stopping.Time.SetUtcNow(Due.ToDateTimeOffset());
            await Soon(held.Holding(3));

            await loop.StopAsync(CancellationToken.None);
            held.Open();
            stopping.Time.SetUtcNow((Due + Duration.FromMinutes(2)).ToDateTimeOffset());
        }

        platform.ChannelPosts.Should().BeEmpty("the posts on their way were cancelled, and nothing runs after the stop");
        var left = await stopping.LedgerAsync(Due, Due);
        left.Should().HaveCount(3).And.OnlyContain(o => o.Status == OccurrenceStatus.Pending && o.LeaseOwner == "node-a" && o.LeaseUntil == Due + Lease,
            "the claims are left to run out, as when a node dies");

        await using var other = await database.NodeAsync("node-b", Due + Duration.FromSeconds(1), platform);
        using var takeover = other.Loop(NoPoll);
        await takeover.StartAsync(CancellationToken.None);
        var until = await Soon(takeover.AsleepAfterAsync(Due + Duration.FromSeconds(1)));
        other.Time.SetUtcNow(until.ToDateTimeOffset());
        await Soon(takeover.AsleepAfterAsync(until));
        await takeover.StopAsync(CancellationToken.None);

        platform.ChannelPosts.Select(p => p.OccurrenceKey).Should().HaveCount(3).And.OnlyHaveUniqueItems();
        (await stopping.LedgerAsync(Due, Due)).Should().OnlyContain(o => o.Status == OccurrenceStatus.Posted && o.LeaseOwner == "node-b");
    }
}
