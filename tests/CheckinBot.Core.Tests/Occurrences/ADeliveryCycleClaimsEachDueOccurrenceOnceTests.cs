using CheckinBot.Core.Delivery;
using CheckinBot.Core.Occurrences;
using CheckinBot.Testing;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Core.Tests.Occurrences;

/// <summary>
/// A delivery cycle claims batch after batch, each from where the last one ended (not again past what the cycle leased
/// itself), so it claims each due occurrence once; the next cycle starts from the earliest and takes over expired leases.
/// </summary>
public class ADeliveryCycleClaimsEachDueOccurrenceOnceTests
{
    private static readonly Instant Due = Instant.FromUtc(2026, 12, 1, 16, 0);
    private static readonly Duration Lease = Duration.FromSeconds(9);

    [Fact]
    public async Task Each_claim_of_a_cycle_starts_after_the_last_one_and_every_free_occurrence_is_claimed_once()
    {
        var (ledger, delivery, _) = World();
        var free = Enumerable.Range(0, 11).Select(i => ledger.AddPending(Guid.NewGuid(), Due)).ToList();
        var heldElsewhere = ledger.AddClaimed("worker-b", Due, Due + Lease, count: 4);

        var report = await delivery.DeliverDueAsync(Due, default);

        var claims = ledger.Claims.Where(c => c.Owner == "worker-a").ToList();
        claims.SelectMany(c => c.Claimed).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(free, "each free occurrence is claimed once");
        claims.Select(c => c.Claimed.Count).Should().Equal([3, 3, 3, 2], "batches of three until one comes back short");
        claims[0].After.Should().BeNull("a cycle starts from the earliest due");
        for (var i = 1; i < claims.Count; i++)
        {
            claims[i].After.Should().Be(ClaimCursor.Last(ledger.All.Where(o => claims[i - 1].Claimed.Contains(o.Id))), "claim {0} starts after the last row of the claim before it", i);
        }

        report.Cancelled.Should().Be(11, "no rhythm of theirs exists any more, so each is recorded cancelled, and only once");
        ledger.All.Where(o => heldElsewhere.Contains(o.Id)).Should().OnlyContain(o => o.LeaseOwner == "worker-b" && o.Attempts == 1, "another worker still holds them");
    }

    [Fact]
    public async Task The_next_cycle_starts_from_the_earliest_again_and_takes_over_leases_that_ran_out()
    {
        var (ledger, delivery, clock) = World();
        var heldByADeadNode = ledger.AddClaimed("worker-b", Due, Due + Lease, count: 4);
        ledger.AddPending(Guid.NewGuid(), Due + Duration.FromSeconds(1));
        await delivery.DeliverDueAsync(Due + Duration.FromSeconds(1), default);

        clock.Advance(Lease.ToTimeSpan());
        var report = await delivery.DeliverDueAsync(Due + Lease, default);

        var second = ledger.Claims.Where(c => c.Owner == "worker-a").Skip(1).ToList();
        second[0].After.Should().BeNull("each cycle starts afresh, where the dead node's occurrences are");
        second.SelectMany(c => c.Claimed).Should().BeEquivalentTo(heldByADeadNode);
        ledger.All.Where(o => heldByADeadNode.Contains(o.Id)).Should().OnlyContain(o => o.Attempts == 2 && o.Status == OccurrenceStatus.Cancelled);
        report.Cancelled.Should().Be(4);
    }

    [Fact]
    public async Task A_cycle_longer_than_a_lease_claims_from_the_earliest_again_and_takes_over_the_leases_that_ran_out_meanwhile()
    {
        var (ledger, delivery, clock) = World();
        var free = Enumerable.Range(0, 11).Select(i => ledger.AddPending(Guid.NewGuid(), Due)).ToList();
        var heldByADeadNode = ledger.AddClaimed("worker-b", Due, Due + Lease, count: 2);
        ledger.AfterClaim = () => clock.Advance(TimeSpan.FromSeconds(5));

        await delivery.DeliverDueAsync(Due, default);

        var claims = ledger.Claims.Where(c => c.Owner == "worker-a").ToList();
        claims.Select(c => c.After is null).Should().StartWith([true, false, true], "the claim 10 s into the cycle, a lease after its start, starts from the earliest");
        claims.SelectMany(c => c.Claimed).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(free.Concat(heldByADeadNode), "the dead node's are taken over in the same cycle");
        ledger.All.Where(o => heldByADeadNode.Contains(o.Id)).Should().OnlyContain(o => o.Attempts == 2 && o.Status == OccurrenceStatus.Cancelled);
    }

    private static (InMemoryOccurrences Ledger, OccurrenceDelivery Delivery, FakeTimeProvider Clock) World()
    {
        var clock = new FakeTimeProvider(Due.ToDateTimeOffset());
        var ledger = new InMemoryOccurrences();
        var options = new DeliveryOptions { WorkerId = "worker-a", Lease = Lease, BatchSize = 3 };
        var delivery = new OccurrenceDelivery(ledger, new InMemoryRhythms(), new InMemoryCollaborations(), new NoDrafts(), new NoTasks(), new ChatGateways([]), options, clock);
        return (ledger, delivery, clock);
    }
}
