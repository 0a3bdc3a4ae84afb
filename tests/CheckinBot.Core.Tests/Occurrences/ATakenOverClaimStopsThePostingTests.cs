using CheckinBot.Core.Occurrences;
using CheckinBot.Testing;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Core.Tests.Occurrences;

/// <summary>
/// A worker starved of CPU may renew its lease only after the lease ran out and another worker claimed some of its
/// occurrences: the renewal then finds fewer rows than it holds, and the worker must post nothing more.
/// </summary>
public class ATakenOverClaimStopsThePostingTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 12, 1, 16, 0);
    private static readonly Duration Lease = Duration.FromSeconds(15);

    [Fact]
    public async Task A_renewal_that_finds_part_of_the_claim_taken_over_stops_the_posting_at_once()
    {
        var clock = new FakeTimeProvider(Start.ToDateTimeOffset());
        var ledger = new InMemoryOccurrences();
        var ids = ledger.AddClaimed("worker-a", Start, Start + Lease, count: 2);
        var options = new DeliveryOptions { WorkerId = "worker-a", Lease = Lease };
        await using var recorder = new OutcomeRecorder(ledger, ids, Start + Lease, options, new DeliveryClock(Start, clock));

        await RenewedAsync(ledger, clock, 1);
        recorder.StillHeld.Should().BeTrue("the first renewal found every occurrence still held");

        ledger.TakeOver(ids[1], "worker-b");
        await RenewedAsync(ledger, clock, 2);

        (await Becomes(() => !recorder.StillHeld)).Should().BeTrue("one occurrence is another worker's now, and which ones are left cannot be told");
    }

    [Fact]
    public async Task Renewals_that_find_the_whole_claim_keep_it_held_past_the_first_lease()
    {
        var clock = new FakeTimeProvider(Start.ToDateTimeOffset());
        var ledger = new InMemoryOccurrences();
        var ids = ledger.AddClaimed("worker-a", Start, Start + Lease, count: 1);
        var options = new DeliveryOptions { WorkerId = "worker-a", Lease = Lease };
        await using var recorder = new OutcomeRecorder(ledger, ids, Start + Lease, options, new DeliveryClock(Start, clock));

        await RenewedAsync(ledger, clock, 4);

        (await Becomes(() => recorder.StillHeld)).Should().BeTrue("four renewals in, the lease runs on past the first one's end");
        clock.GetUtcNow().Should().BeAfter((Start + Lease).ToDateTimeOffset());
    }

    private static async Task<bool> Becomes(Func<bool> condition, int tries = 200)
    {
        for (var tried = 0; tried < tries && !condition(); tried++)
        {
            await Task.Delay(10);
        }

        return condition();
    }

    /// <summary>Moves the clock a second at a time until the recorder has renewed <paramref name="count"/> times.</summary>
    private static async Task RenewedAsync(InMemoryOccurrences ledger, FakeTimeProvider clock, int count)
    {
        for (var seconds = 0; seconds < 120 && ledger.Renewals < count; seconds++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Becomes(() => ledger.Renewals >= count, tries: 5);
        }

        ledger.Renewals.Should().BeGreaterThanOrEqualTo(count, "the recorder renews every third of a lease");
    }
}
