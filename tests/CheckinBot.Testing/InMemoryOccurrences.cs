using CheckinBot.Core.Occurrences;
using NodaTime;

namespace CheckinBot.Testing;

/// <summary>
/// The reading half of the ledger, and the leases of occurrences a worker holds (renewed, marked, recorded, released as
/// the database does, only while the worker still owns them); claiming and planning are not what these tests are about.
/// </summary>
public sealed class InMemoryOccurrences : IOccurrenceLedger
{
    private int renewals;

    public List<Occurrence> All { get; } = [];

    /// <summary>How many times a worker renewed leases here.</summary>
    public int Renewals => Volatile.Read(ref renewals);

    public void Add(Guid collaborationId, Instant due, OccurrenceStatus status, bool late = false) =>
        All.Add(new Occurrence
        {
            Id = Guid.NewGuid(), RhythmId = Guid.Empty, CollaborationId = collaborationId, Due = due, RemindAt = due,
            Status = status, Late = late, PostedAt = status == OccurrenceStatus.Posted ? due : null,
        });

    /// <summary>Adds <paramref name="count"/> pending occurrences due at <paramref name="due"/>, claimed by <paramref name="owner"/> until <paramref name="leaseUntil"/>.</summary>
    public IReadOnlyList<Guid> AddClaimed(string owner, Instant due, Instant leaseUntil, int count)
    {
        var claimed = Enumerable.Range(0, count).Select(_ => new Occurrence
        {
            Id = Guid.NewGuid(), RhythmId = Guid.NewGuid(), CollaborationId = Guid.NewGuid(), Due = due, RemindAt = due,
            Status = OccurrenceStatus.Pending, LeaseOwner = owner, LeaseUntil = leaseUntil, Attempts = 1,
        }).ToList();
        lock (All)
        {
            All.AddRange(claimed);
        }

        return claimed.Select(o => o.Id).ToList();
    }

    /// <summary>
    /// Another worker claims the occurrence, as when the first one's lease ran out: from now on the first owner's
    /// renewals, marks and outcomes no longer find it.
    /// </summary>
    public void TakeOver(Guid occurrenceId, string owner)
    {
        lock (All)
        {
            var occurrence = All.Single(o => o.Id == occurrenceId);
            occurrence.LeaseOwner = owner;
            occurrence.Attempts++;
        }
    }

    public Task<int> RenewAsync(string owner, IReadOnlyCollection<Guid> occurrenceIds, Instant leaseUntil, CancellationToken cancellationToken)
    {
        var held = Held(owner, occurrenceIds, o => o.LeaseUntil = leaseUntil);
        Interlocked.Increment(ref renewals);
        return Task.FromResult(held);
    }

    public Task MarkSendingAsync(string owner, IReadOnlyCollection<Guid> occurrenceIds, Instant at, CancellationToken cancellationToken)
    {
        Held(owner, occurrenceIds, o => o.SendingSince = at);
        return Task.CompletedTask;
    }

    public Task RecordAsync(string owner, IReadOnlyCollection<PostOutcome> outcomes, CancellationToken cancellationToken)
    {
        var byId = outcomes.ToDictionary(o => o.OccurrenceId);
        Held(owner, byId.Keys, o =>
        {
            var outcome = byId[o.Id];
            (o.Status, o.PostedAt, o.MessageId, o.Late, o.Summary, o.LeaseUntil) = (outcome.Status, outcome.PostedAt, outcome.MessageId, outcome.Late, outcome.Summary, null);
        });
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(Guid occurrenceId, string owner, Instant retryAt, CancellationToken cancellationToken)
    {
        Held(owner, [occurrenceId], o => o.LeaseUntil = retryAt);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Occurrence>> ListByCollaborationAsync(Guid collaborationId, Instant from, Instant to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Occurrence>>(All.Where(o => o.CollaborationId == collaborationId && o.Due >= from && o.Due <= to).OrderBy(o => o.Due).ToList());

    public Task<Occurrence?> LastPostedAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        Task.FromResult(All.Where(o => o.CollaborationId == collaborationId && o.Status == OccurrenceStatus.Posted).MaxBy(o => o.PostedAt));

    public Task SkipAsync(OccurrenceSeed occurrence, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> AddMissingAsync(IReadOnlyCollection<OccurrenceSeed> seeds, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<Occurrence>> ClaimDueAsync(Instant now, string owner, Instant leaseUntil, int max, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Instant?> NextLeaseExpiryAsync(Instant now, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<Occurrence>> TakeDueRemindersAsync(Instant now, int max, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CancelPendingAsync(Guid rhythmId, Instant from, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Instant?> NextDueAfterAsync(Instant now, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<Guid, Instant>> LastPostedManyAsync(IReadOnlyCollection<Guid> collaborationIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, Instant>>(All
            .Where(o => collaborationIds.Contains(o.CollaborationId) && o.PostedAt is not null)
            .GroupBy(o => o.CollaborationId)
            .ToDictionary(g => g.Key, g => g.Max(o => o.PostedAt!.Value)));

    public Task<Occurrence?> GetAsync(Guid occurrenceId, CancellationToken cancellationToken) =>
        Task.FromResult(All.FirstOrDefault(o => o.Id == occurrenceId));

    public Task<Occurrence?> FindAsync(Guid rhythmId, Instant due, CancellationToken cancellationToken) =>
        Task.FromResult(All.FirstOrDefault(o => o.RhythmId == rhythmId && o.Due == due));

    public Task<Occurrence?> ClaimOneAsync(Guid occurrenceId, Instant now, string owner, Instant leaseUntil, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RemindAgainAsync(Guid occurrenceId, Instant at, CancellationToken cancellationToken) => throw new NotSupportedException();

    /// <summary>Changes those of <paramref name="ids"/> that <paramref name="owner"/> still holds (pending), as the database's guarded updates do; returns how many.</summary>
    private int Held(string owner, IEnumerable<Guid> ids, Action<Occurrence> change)
    {
        var wanted = ids.ToHashSet();
        lock (All)
        {
            var held = All.Where(o => wanted.Contains(o.Id) && o.LeaseOwner == owner && o.Status == OccurrenceStatus.Pending).ToList();
            held.ForEach(change);
            return held.Count;
        }
    }
}
