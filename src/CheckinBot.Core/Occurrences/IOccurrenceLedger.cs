using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>Port: the occurrence ledger, unique on (rhythm, due instant).</summary>
public interface IOccurrenceLedger
{
    /// <summary>Adds the seeds that are not in the ledger yet; existing (rhythm, due) pairs are left as they are.</summary>
    Task<int> AddMissingAsync(IReadOnlyCollection<OccurrenceSeed> seeds, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> pending occurrences due at or before <paramref name="now"/> whose lease is free or ran out,
    /// in claim order (<see cref="ClaimCursor"/>) from just after <paramref name="after"/> (from the start when null),
    /// leasing them to <paramref name="owner"/> until <paramref name="leaseUntil"/> and counting an attempt; returned in
    /// claim order, so the last one is where the next claim of the same cycle starts. One atomic statement: two workers
    /// claiming at once never share an occurrence.
    /// </summary>
    Task<IReadOnlyList<Occurrence>> ClaimDueAsync(Instant now, string owner, Instant leaseUntil, int max, ClaimCursor? after, CancellationToken cancellationToken);

    /// <summary>Extends the lease of those of <paramref name="occurrenceIds"/> that <paramref name="owner"/> still holds; returns how many.</summary>
    Task<int> RenewAsync(string owner, IReadOnlyCollection<Guid> occurrenceIds, Instant leaseUntil, CancellationToken cancellationToken);

    /// <summary>Notes that <paramref name="owner"/> is about to hand these occurrences to the platform (<see cref="Occurrence.SendingSince"/>).</summary>
    Task MarkSendingAsync(string owner, IReadOnlyCollection<Guid> occurrenceIds, Instant at, CancellationToken cancellationToken);

    /// <summary>The earliest moment after <paramref name="now"/> at which the lease of a pending occurrence due by then runs out, if any.</summary>
    Task<Instant?> NextLeaseExpiryAsync(Instant now, CancellationToken cancellationToken);

    /// <summary>Writes what became of claimed occurrences; rows whose lease another worker took over are left alone.</summary>
    Task RecordAsync(string owner, IReadOnlyCollection<PostOutcome> outcomes, CancellationToken cancellationToken);

    /// <summary>
    /// One write of a claim's recorder: the marks of the occurrences about to be handed to the platform, then outcomes. A
    /// store that can commits both at once (one commit instead of two); by default they are written one after the other.
    /// </summary>
    Task WriteAsync(string owner, IReadOnlyCollection<Guid> marked, Instant markedAt, IReadOnlyCollection<PostOutcome> outcomes, CancellationToken cancellationToken) =>
        LedgerWrite.MarksThenOutcomesAsync(this, owner, marked, markedAt, outcomes, cancellationToken);

    /// <summary>Gives a claimed occurrence back after a failed post, to be tried again from <paramref name="retryAt"/>.</summary>
    Task ReleaseAsync(Guid occurrenceId, string owner, Instant retryAt, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the reminders that are due (remind-at passed, still pending), marking them sent before they are sent:
    /// a reminder is worth at most one message.
    /// </summary>
    Task<IReadOnlyList<Occurrence>> TakeDueRemindersAsync(Instant now, int max, CancellationToken cancellationToken);

    /// <summary>Cancels pending occurrences of a rhythm due at or after <paramref name="from"/> (pause, retire).</summary>
    Task CancelPendingAsync(Guid rhythmId, Instant from, CancellationToken cancellationToken);

    /// <summary>Marks one occurrence skipped, adding it when the planner has not written it yet.</summary>
    Task SkipAsync(OccurrenceSeed occurrence, CancellationToken cancellationToken);

    /// <summary>The earliest instant after <paramref name="now"/> at which a pending post or reminder falls due, if any.</summary>
    Task<Instant?> NextDueAfterAsync(Instant now, CancellationToken cancellationToken);

    Task<IReadOnlyList<Occurrence>> ListByCollaborationAsync(Guid collaborationId, Instant from, Instant to, CancellationToken cancellationToken);

    /// <summary>The last occurrence posted for a collaboration, if any.</summary>
    Task<Occurrence?> LastPostedAsync(Guid collaborationId, CancellationToken cancellationToken);

    /// <summary>For each of several collaborations, when its last update was posted (those without one are left out).</summary>
    Task<IReadOnlyDictionary<Guid, Instant>> LastPostedManyAsync(IReadOnlyCollection<Guid> collaborationIds, CancellationToken cancellationToken);

    Task<Occurrence?> GetAsync(Guid occurrenceId, CancellationToken cancellationToken);

    Task<Occurrence?> FindAsync(Guid rhythmId, Instant due, CancellationToken cancellationToken);

    /// <summary>
    /// Claims one pending occurrence whatever its due time (Post now), by the same rules as <see cref="ClaimDueAsync"/>;
    /// null when it is not pending or its lease is held.
    /// </summary>
    Task<Occurrence?> ClaimOneAsync(Guid occurrenceId, Instant now, string owner, Instant leaseUntil, CancellationToken cancellationToken);

    /// <summary>Sets a pending occurrence's reminder to go (again) at <paramref name="at"/> (snooze, focus).</summary>
    Task RemindAgainAsync(Guid occurrenceId, Instant at, CancellationToken cancellationToken);
}
