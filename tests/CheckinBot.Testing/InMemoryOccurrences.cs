using CheckinBot.Core.Occurrences;
using NodaTime;

namespace CheckinBot.Testing;

/// <summary>
/// The ledger in memory: planning (one occurrence per rhythm and due instant), claiming (due or Post now, in claim order,
/// a lease free or run out), and the leases a worker holds (renewed, marked, recorded, released only while the worker
/// still owns them), by the rules the storage's ClaimContract holds the databases to; it runs that contract too.
/// </summary>
public sealed class InMemoryOccurrences : IOccurrenceLedger
{
    private readonly List<RecordedClaim> claims = [];
    private int renewals;

    public List<Occurrence> All { get; } = [];

    /// <summary>Every claim made here, in order: who claimed, after which position, and what it got.</summary>
    public IReadOnlyList<RecordedClaim> Claims
    {
        get
        {
            lock (All)
            {
                return claims.ToList();
            }
        }
    }

    /// <summary>How many times a worker renewed leases here.</summary>
    public int Renewals => Volatile.Read(ref renewals);

    public void Add(Guid collaborationId, Instant due, OccurrenceStatus status, bool late = false) =>
        All.Add(new Occurrence
        {
            Id = Guid.NewGuid(), RhythmId = Guid.Empty, CollaborationId = collaborationId, Due = due, RemindAt = due,
            Status = status, Late = late, PostedAt = status == OccurrenceStatus.Posted ? due : null,
        });

    /// <summary>Adds a pending occurrence of a rhythm of its own, not claimed, its reminder sent; returns its id.</summary>
    public Guid AddPending(Guid collaborationId, Instant due)
    {
        var occurrence = new Occurrence
        {
            Id = Guid.NewGuid(), RhythmId = Guid.NewGuid(), CollaborationId = collaborationId, Due = due, RemindAt = due,
            Status = OccurrenceStatus.Pending, ReminderStatus = ReminderStatus.Sent,
        };
        lock (All)
        {
            All.Add(occurrence);
        }

        return occurrence.Id;
    }

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

    /// <summary>Adds the seeds that are not in the ledger yet, and plans a cancelled one again when its seed is pending; returns how many it added.</summary>
    public Task<int> AddMissingAsync(IReadOnlyCollection<OccurrenceSeed> seeds, CancellationToken cancellationToken)
    {
        lock (All)
        {
            var added = 0;
            foreach (var seed in seeds)
            {
                if (All.FirstOrDefault(o => o.RhythmId == seed.RhythmId && o.Due == seed.Due) is { } existing)
                {
                    if (existing.Status == OccurrenceStatus.Cancelled && seed.Status == OccurrenceStatus.Pending)
                    {
                        existing.Status = OccurrenceStatus.Pending;
                    }

                    continue;
                }

                All.Add(new Occurrence
                {
                    Id = Guid.NewGuid(), RhythmId = seed.RhythmId, CollaborationId = seed.CollaborationId, Due = seed.Due, RemindAt = seed.RemindAt,
                    Status = seed.Status, ReminderStatus = seed.Status == OccurrenceStatus.Pending ? ReminderStatus.Pending : ReminderStatus.NotSent,
                });
                added++;
            }

            return Task.FromResult(added);
        }
    }

    /// <summary>
    /// Claims as the database does (pending, due, lease free or run out, in claim order after <paramref name="after"/>),
    /// and notes each claim in <see cref="Claims"/>; what it returns are copies, as rows read from a database are.
    /// </summary>
    public Task<IReadOnlyList<Occurrence>> ClaimDueAsync(Instant now, string owner, Instant leaseUntil, int max, ClaimCursor? after, CancellationToken cancellationToken)
    {
        lock (All)
        {
            var free = All.Where(o => o.Status == OccurrenceStatus.Pending && o.Due <= now && (o.LeaseUntil is null || o.LeaseUntil <= now) && ClaimCursor.IsAfter(o, after));
            var claimed = ClaimCursor.InClaimOrder(free).Take(max).ToList();
            foreach (var occurrence in claimed)
            {
                (occurrence.LeaseOwner, occurrence.LeaseUntil) = (owner, leaseUntil);
                occurrence.Attempts++;
            }

            claims.Add(new RecordedClaim(owner, after, claimed.Select(o => o.Id).ToList()));
            AfterClaim?.Invoke();
            return Task.FromResult<IReadOnlyList<Occurrence>>(claimed.Select(Copy).ToList());
        }
    }

    /// <summary>Runs after each claim (a test moves its clock here, as if posting a batch took time).</summary>
    public Action? AfterClaim { get; set; }

    public Task<Instant?> NextLeaseExpiryAsync(Instant now, CancellationToken cancellationToken)
    {
        lock (All)
        {
            return Task.FromResult(All.Where(o => o.Status == OccurrenceStatus.Pending && o.Due <= now && o.LeaseUntil > now).Min(o => o.LeaseUntil));
        }
    }

    /// <summary>Takes the due reminders as the database does, marking them sent (or not sent, once their occurrence is due).</summary>
    public Task<IReadOnlyList<Occurrence>> TakeDueRemindersAsync(Instant now, int max, CancellationToken cancellationToken)
    {
        lock (All)
        {
            var taken = All.Where(o => o.ReminderStatus == ReminderStatus.Pending && o.RemindAt <= now && o.Status == OccurrenceStatus.Pending)
                .OrderBy(o => o.RemindAt).Take(max).ToList();
            taken.ForEach(o => o.ReminderStatus = o.Due > now ? ReminderStatus.Sent : ReminderStatus.NotSent);
            return Task.FromResult<IReadOnlyList<Occurrence>>(taken.Where(o => o.ReminderStatus == ReminderStatus.Sent).Select(Copy).ToList());
        }
    }

    public Task CancelPendingAsync(Guid rhythmId, Instant from, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Instant?> NextDueAfterAsync(Instant now, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<Guid, Instant>> LastPostedManyAsync(IReadOnlyCollection<Guid> collaborationIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, Instant>>(All
            .Where(o => collaborationIds.Contains(o.CollaborationId) && o.PostedAt is not null)
            .GroupBy(o => o.CollaborationId)
            .ToDictionary(g => g.Key, g => g.Max(o => o.PostedAt!.Value)));

    public Task<Occurrence?> GetAsync(Guid occurrenceId, CancellationToken cancellationToken) =>
        Task.FromResult(All.FirstOrDefault(o => o.Id == occurrenceId));

    public Task<Occurrence?> FindAsync(Guid rhythmId, Instant due, CancellationToken cancellationToken)
    {
        lock (All)
        {
            return Task.FromResult(All.FirstOrDefault(o => o.RhythmId == rhythmId && o.Due == due) is { } found ? Copy(found) : null);
        }
    }

    /// <summary>Post now: the claim rules of <see cref="ClaimDueAsync"/> for one occurrence, whatever its due time.</summary>
    public Task<Occurrence?> ClaimOneAsync(Guid occurrenceId, Instant now, string owner, Instant leaseUntil, CancellationToken cancellationToken)
    {
        lock (All)
        {
            var occurrence = All.FirstOrDefault(o => o.Id == occurrenceId && o.Status == OccurrenceStatus.Pending && (o.LeaseUntil is null || o.LeaseUntil <= now));
            if (occurrence is null)
            {
                return Task.FromResult<Occurrence?>(null);
            }

            (occurrence.LeaseOwner, occurrence.LeaseUntil) = (owner, leaseUntil);
            occurrence.Attempts++;
            return Task.FromResult<Occurrence?>(Copy(occurrence));
        }
    }

    public Task RemindAgainAsync(Guid occurrenceId, Instant at, CancellationToken cancellationToken) => throw new NotSupportedException();

    /// <summary>Changes those of <paramref name="ids"/> that <paramref name="owner"/> still holds (pending), as the database's guarded updates do; returns how many.</summary>
    private static Occurrence Copy(Occurrence o) => new()
    {
        Id = o.Id, RhythmId = o.RhythmId, CollaborationId = o.CollaborationId, Due = o.Due, RemindAt = o.RemindAt, Status = o.Status,
        ReminderStatus = o.ReminderStatus, LeaseOwner = o.LeaseOwner, LeaseUntil = o.LeaseUntil, Attempts = o.Attempts, SendingSince = o.SendingSince,
        PostedAt = o.PostedAt, MessageId = o.MessageId, Late = o.Late, Summary = o.Summary,
    };

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
