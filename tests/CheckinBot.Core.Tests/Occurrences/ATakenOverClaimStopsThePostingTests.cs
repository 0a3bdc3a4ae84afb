using CheckinBot.Core.Occurrences;
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
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var ledger = new LeaseLedger(ids);
        var options = new DeliveryOptions { WorkerId = "worker-a", Lease = Lease };
        await using var recorder = new OutcomeRecorder(ledger, ids, Start + Lease, options, new DeliveryClock(Start, clock));

        await ledger.RenewedAsync(clock, 1);
        recorder.StillHeld.Should().BeTrue("the first renewal found every occurrence still held");

        ledger.TakeOver(ids[1]);
        await ledger.RenewedAsync(clock, 2);

        (await Becomes(() => !recorder.StillHeld)).Should().BeTrue("one occurrence is another worker's now, and which ones are left cannot be told");
    }

    [Fact]
    public async Task Renewals_that_find_the_whole_claim_keep_it_held_past_the_first_lease()
    {
        var clock = new FakeTimeProvider(Start.ToDateTimeOffset());
        var ids = new[] { Guid.NewGuid() };
        var ledger = new LeaseLedger(ids);
        var options = new DeliveryOptions { WorkerId = "worker-a", Lease = Lease };
        await using var recorder = new OutcomeRecorder(ledger, ids, Start + Lease, options, new DeliveryClock(Start, clock));

        await ledger.RenewedAsync(clock, 4);

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

    /// <summary>Renews what worker-a still owns; everything else about occurrences is not this test's concern.</summary>
    private sealed class LeaseLedger(IEnumerable<Guid> owned) : IOccurrenceLedger
    {
        private readonly HashSet<Guid> ownedByA = [.. owned];
        private int renewed;

        public void TakeOver(Guid id)
        {
            lock (ownedByA)
            {
                ownedByA.Remove(id);
            }
        }

        /// <summary>Moves the clock a second at a time until the recorder has renewed <paramref name="count"/> times.</summary>
        public async Task RenewedAsync(FakeTimeProvider clock, int count)
        {
            for (var seconds = 0; seconds < 120 && Volatile.Read(ref renewed) < count; seconds++)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                await Becomes(() => Volatile.Read(ref renewed) >= count, tries: 5);
            }

            Volatile.Read(ref renewed).Should().BeGreaterThanOrEqualTo(count, "the recorder renews every third of a lease");
        }

        public Task<int> RenewAsync(string owner, IReadOnlyCollection<Guid> occurrenceIds, Instant leaseUntil, CancellationToken cancellationToken)
        {
            int count;
            lock (ownedByA)
            {
                count = occurrenceIds.Count(ownedByA.Contains);
            }

            Interlocked.Increment(ref renewed);
            return Task.FromResult(count);
        }

        public Task MarkSendingAsync(string owner, IReadOnlyCollection<Guid> occurrenceIds, Instant at, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RecordAsync(string owner, IReadOnlyCollection<PostOutcome> outcomes, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ReleaseAsync(Guid occurrenceId, string owner, Instant retryAt, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<int> AddMissingAsync(IReadOnlyCollection<OccurrenceSeed> seeds, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Occurrence>> ClaimDueAsync(Instant now, string owner, Instant leaseUntil, int max, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Instant?> NextLeaseExpiryAsync(Instant now, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Occurrence>> TakeDueRemindersAsync(Instant now, int max, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task CancelPendingAsync(Guid rhythmId, Instant from, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SkipAsync(OccurrenceSeed occurrence, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Instant?> NextDueAfterAsync(Instant now, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Occurrence>> ListByCollaborationAsync(Guid collaborationId, Instant from, Instant to, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Occurrence?> LastPostedAsync(Guid collaborationId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<Guid, Instant>> LastPostedManyAsync(IReadOnlyCollection<Guid> collaborationIds, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Occurrence?> GetAsync(Guid occurrenceId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Occurrence?> FindAsync(Guid rhythmId, Instant due, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Occurrence?> ClaimOneAsync(Guid occurrenceId, Instant now, string owner, Instant leaseUntil, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RemindAgainAsync(Guid occurrenceId, Instant at, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
