using CheckinBot.Core.Occurrences;
using NodaTime;

namespace CheckinBot.Testing;

/// <summary>The reading half of the ledger; delivery is not what these tests are about.</summary>
public sealed class InMemoryOccurrences : IOccurrenceLedger
{
    public List<Occurrence> All { get; } = [];

    public void Add(Guid collaborationId, Instant due, OccurrenceStatus status, bool late = false) =>
        All.Add(new Occurrence
        {
            Id = Guid.NewGuid(), RhythmId = Guid.Empty, CollaborationId = collaborationId, Due = due, RemindAt = due,
            Status = status, Late = late, PostedAt = status == OccurrenceStatus.Posted ? due : null,
        });

    public Task<IReadOnlyList<Occurrence>> ListByCollaborationAsync(Guid collaborationId, Instant from, Instant to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Occurrence>>(All.Where(o => o.CollaborationId == collaborationId && o.Due >= from && o.Due <= to).OrderBy(o => o.Due).ToList());

    public Task<Occurrence?> LastPostedAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        Task.FromResult(All.Where(o => o.CollaborationId == collaborationId && o.Status == OccurrenceStatus.Posted).MaxBy(o => o.PostedAt));

    public Task SkipAsync(OccurrenceSeed occurrence, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> AddMissingAsync(IReadOnlyCollection<OccurrenceSeed> seeds, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<Occurrence>> ClaimDueAsync(Instant now, string owner, Instant leaseUntil, int max, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> RenewAsync(string owner, IReadOnlyCollection<Guid> occurrenceIds, Instant leaseUntil, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Instant?> NextLeaseExpiryAsync(Instant now, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RecordAsync(string owner, IReadOnlyCollection<PostOutcome> outcomes, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ReleaseAsync(Guid occurrenceId, string owner, Instant retryAt, CancellationToken cancellationToken) => throw new NotSupportedException();

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
}
