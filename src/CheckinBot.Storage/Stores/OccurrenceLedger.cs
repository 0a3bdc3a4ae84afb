using CheckinBot.Core.Occurrences;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Stores;

internal sealed class OccurrenceLedger(CheckinDbContext db) : IOccurrenceLedger
{
    /// <summary>How many seeds are written in one statement batch: what one round holds in memory.</summary>
    private const int SeedChunk = 500;

    /// <summary>At most this many outcomes in one statement: six parameters each, well inside both providers' limits.</summary>
    private const int RecordChunk = 1_000;

    /// <summary>
    /// One <c>INSERT … ON CONFLICT DO NOTHING</c> per chunk, nothing read first and nothing retried: a node that plans
    /// the same occurrences at the same moment as another keeps the other's rows and adds the rest. Cancelled ones are
    /// looked for only when a chunk met rows that exist, which a fresh plan never does.
    /// </summary>
    public async Task<int> AddMissingAsync(IReadOnlyCollection<OccurrenceSeed> seeds, CancellationToken cancellationToken)
    {
        // In one order on every node: two nodes inserting overlapping chunks at once take the keys in the same order, so on
        // PostgreSQL one waits for the other's commit and neither waits in a cycle (a deadlock aborts one). A conversation's
        // occurrences side by side: a claim, which takes due rows in the order they were written, then takes them together,
        // and a takeover reads that conversation's history once for all of them.
        var ordered = seeds.OrderBy(s => s.Due).ThenBy(s => s.CollaborationId).ThenBy(s => s.RhythmId).ToArray();
        var added = 0;
        foreach (var chunk in ordered.Chunk(SeedChunk))
        {
            var inserted = await PlanStatement.InsertAsync(db, chunk, cancellationToken);
            if (inserted < chunk.Length)
            {
                await PlanStatement.ReviveAsync(db, chunk, cancellationToken);
            }

            added += inserted;
        }

        return added;
    }

    public async Task<IReadOnlyList<Occurrence>> ClaimDueAsync(Instant now, string owner, Instant leaseUntil, int max, ClaimCursor? after,
        CancellationToken cancellationToken)
    {
        long at = now.ToUnixTimeMilliseconds(), until = leaseUntil.ToUnixTimeMilliseconds();

        // One statement on the pending rows' index in claim order (Due, CollaborationId, Id: IX_Occurrences_Claim_Pending),
        // from just after the cycle's last claim. The lease is not in that index, so claiming stays a HOT update on
        // PostgreSQL; but an occurrence leased and not yet posted is still pending, so a claim that started from the
        // earliest due read past every one of them: in a burst where all rows share one due instant, about 65,000 index
        // entries a claim on two nodes. Starting after its own last claim, a claim reads past at most what the other
        // nodes leased since and have not yet posted (their batches in flight); each cycle starts from the earliest, which
        // is where a dead node's expired leases are taken over. The collaboration before the id keeps a conversation's
        // occurrences of one due time together, as the planner wrote them, so one batch marks, posts and, after a crash,
        // looks up each conversation once. PostgreSQL locks the rows it picks and skips those another claim has
        // locked; SQLite runs one writer at a time, so the select and the update cannot interleave.
        // The limit is written into the text, not passed: a prepared statement's generic plan that does not know it sorts
        // every due row instead of reading the index in order up to the limit.
        var limit = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var from = after is null ? "" : """ AND ("Due", "CollaborationId", "Id") > ({3}, {4}, {5})""";
        var sql = db is PostgresCheckinDbContext
            ? $$"""
                UPDATE "Occurrences" AS o SET "LeaseOwner" = {0}, "LeaseUntil" = {1}, "Attempts" = o."Attempts" + 1
                FROM (SELECT "Id" FROM "Occurrences"
                      WHERE "Status" = 'Pending' AND "Due" <= {2}{{from}} AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= {2})
                      ORDER BY "Due", "CollaborationId", "Id" LIMIT {{limit}} FOR UPDATE SKIP LOCKED) AS c
                WHERE o."Id" = c."Id"
                RETURNING o.*
                """
            : $$"""
                UPDATE "Occurrences" SET "LeaseOwner" = {0}, "LeaseUntil" = {1}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (SELECT "Id" FROM "Occurrences"
                               WHERE "Status" = 'Pending' AND "Due" <= {2}{{from}} AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= {2})
                               ORDER BY "Due", "CollaborationId", "Id" LIMIT {{limit}})
                RETURNING *
                """;
        object[] parameters = after is { } cursor
            ? [owner, until, at, cursor.Due.ToUnixTimeMilliseconds(), cursor.CollaborationId, cursor.Id]
            : [owner, until, at];
        var claimed = db.Occurrences.FromSqlRaw(sql, parameters).AsNoTracking();
        if (db is not PostgresCheckinDbContext)
        {
            return ClaimCursor.InClaimOrder(await claimed.ToListAsync(cancellationToken));
        }

        // Before the table's statistics know the rows a burst's planning wrote moments ago (autovacuum has not analysed it
        // yet), PostgreSQL estimates a handful of rows after the cursor, and then reads every index entry after it into a
        // bitmap and sorts them all: in a quiet two-node burst, with auto_explain, 181,890 entries and a sort on disk for
        // 500 rows, 150 ms a claim (ABurstClaimReadsTheIndexInOrderTests). Sequential and bitmap scans are off for this one
        // statement (PostgresIndexScans), so the ordered index scan, read up to the limit, is the plan whatever the statistics say.
        return ClaimCursor.InClaimOrder(await PostgresIndexScans.ToListAsync(db, claimed, cancellationToken));
    }

    public Task<int> RenewAsync(string owner, IReadOnlyCollection<Guid> occurrenceIds, Instant leaseUntil, CancellationToken cancellationToken) =>
        db is PostgresCheckinDbContext
            ? PostgresLedgerStatements.RenewAsync(db, owner, occurrenceIds, leaseUntil.ToUnixTimeMilliseconds(), cancellationToken)
            : SqliteLedgerStatements.RenewAsync(db, owner, occurrenceIds, leaseUntil, cancellationToken);

    public Task MarkSendingAsync(string owner, IReadOnlyCollection<Guid> occurrenceIds, Instant at, CancellationToken cancellationToken) =>
        db is PostgresCheckinDbContext
            ? PostgresLedgerStatements.MarkSendingAsync(db, owner, occurrenceIds, at.ToUnixTimeMilliseconds(), cancellationToken)
            : SqliteLedgerStatements.MarkSendingAsync(db, owner, occurrenceIds, at, cancellationToken);

    /// <remarks>
    /// No index holds the leases (one would take every claim and renewal off the heap-only path), so this reads the due
    /// pending rows, those other nodes hold; on PostgreSQL in the claim index's order, which marks the entries of rows
    /// posted since as dead (a bitmap reads them all again every time; TheNextWakeReadsTheLedgerIndexesTests).
    /// </remarks>
    public Task<Instant?> NextLeaseExpiryAsync(Instant now, CancellationToken cancellationToken) =>
        FirstAsync(
            db.Occurrences
                .Where(o => o.Status == OccurrenceStatus.Pending && o.Due <= now && o.LeaseUntil > now)
                .OrderBy(o => o.LeaseUntil)
                .Select(o => o.LeaseUntil),
            cancellationToken);

    public async Task RecordAsync(string owner, IReadOnlyCollection<PostOutcome> outcomes, CancellationToken cancellationToken)
    {
        // One multi-row statement per chunk, nothing read or tracked: the hot path of a burst.
        foreach (var chunk in outcomes.Chunk(RecordChunk))
        {
            await OutcomeStatement.WriteAsync(db, owner, chunk, cancellationToken);
        }
    }

    /// <summary>
    /// PostgreSQL: the marks and the outcomes in one transaction, so one commit (one WAL flush) instead of two: with each
    /// conversation marked as its turn comes, a burst's writes are mostly small, and their commits were what the server
    /// waited on. SQLite writes them one after the other, as the port does by default.
    /// </summary>
    public async Task WriteAsync(string owner, IReadOnlyCollection<Guid> marked, Instant markedAt, IReadOnlyCollection<PostOutcome> outcomes, CancellationToken cancellationToken)
    {
        var both = marked.Count > 0 && outcomes.Count > 0 && db is PostgresCheckinDbContext && db.Database.CurrentTransaction is null;
        await using var transaction = both ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await LedgerWrite.MarksThenOutcomesAsync(this, owner, marked, markedAt, outcomes, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public Task ReleaseAsync(Guid occurrenceId, string owner, Instant retryAt, CancellationToken cancellationToken) =>
        db.Occurrences
            .Where(o => o.Id == occurrenceId && o.LeaseOwner == owner && o.Status == OccurrenceStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseUntil, retryAt), cancellationToken);

    /// <summary>
    /// One statement that marks the earliest due reminders taken (sent, or not sent once their occurrence is due) and
    /// returns them, on the index of reminders still to send. (It used to find them, mark them with a token, and read them
    /// back by that token, which no index holds: a scan of the whole ledger for every 500 reminders, 3,847 buffers a batch
    /// of a 100,000-rhythm burst on PostgreSQL.) PostgreSQL skips the reminders another node is taking, as the claim does;
    /// SQLite runs one writer at a time.
    /// </summary>
    /// <remarks>
    /// On PostgreSQL sequential and bitmap scans are off for the statement, as for the claim (<see cref="PostgresIndexScans"/>): each reminder taken leaves a dead entry in
    /// the index until vacuum, and before the burst was analysed every later take read them all into a bitmap, which
    /// never marks them dead (at the due minute of a 100,000-rhythm burst, 24 scans and 2.4 million entries). Read in
    /// order, the first take marks them and the next ones skip them (DueRemindersAfterABurstReadTheirIndexInOrderTests).
    /// </remarks>
    public async Task<IReadOnlyList<Occurrence>> TakeDueRemindersAsync(Instant now, int max, CancellationToken cancellationToken)
    {
        var at = now.ToUnixTimeMilliseconds();
        var limit = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sql = db is PostgresCheckinDbContext
            ? $$"""
                UPDATE "Occurrences" AS o SET "ReminderStatus" = CASE WHEN o."Due" > {0} THEN 'Sent' ELSE 'NotSent' END
                FROM (SELECT "Id" FROM "Occurrences"
                      WHERE "ReminderStatus" = 'Pending' AND "RemindAt" <= {0} AND "Status" = 'Pending'
                      ORDER BY "RemindAt" LIMIT {{limit}} FOR UPDATE SKIP LOCKED) AS r
                WHERE o."Id" = r."Id"
                RETURNING o.*
                """
            : $$"""
                UPDATE "Occurrences" SET "ReminderStatus" = CASE WHEN "Due" > {0} THEN 'Sent' ELSE 'NotSent' END
                WHERE "Id" IN (SELECT "Id" FROM "Occurrences"
                               WHERE "ReminderStatus" = 'Pending' AND "RemindAt" <= {0} AND "Status" = 'Pending'
                               ORDER BY "RemindAt" LIMIT {{limit}})
                RETURNING *
                """;
        var statement = db.Occurrences.FromSqlRaw(sql, at).AsNoTracking();
        var taken = db is PostgresCheckinDbContext
            ? await PostgresIndexScans.ToListAsync(db, statement, cancellationToken)
            : await statement.ToListAsync(cancellationToken);
        return taken.Where(o => o.ReminderStatus == ReminderStatus.Sent).OrderBy(o => o.RemindAt).ToList();
    }

    public Task CancelPendingAsync(Guid rhythmId, Instant from, CancellationToken cancellationToken) =>
        db.Occurrences
            .Where(o => o.RhythmId == rhythmId && o.Status == OccurrenceStatus.Pending && o.Due >= from)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OccurrenceStatus.Cancelled), cancellationToken);

    public async Task SkipAsync(OccurrenceSeed occurrence, CancellationToken cancellationToken)
    {
        var row = await db.Occurrences.FirstOrDefaultAsync(o => o.RhythmId == occurrence.RhythmId && o.Due == occurrence.Due, cancellationToken);
        if (row is null)
        {
            db.Occurrences.Add(New(occurrence with { Status = OccurrenceStatus.Skipped }));
        }
        else if (row.Status is OccurrenceStatus.Pending or OccurrenceStatus.Cancelled)
        {
            row.Status = OccurrenceStatus.Skipped;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <remarks>
    /// Each of the two is the first entry of its index after now. On PostgreSQL, before a burst planned moments ago was
    /// analysed, the reminder's was a bitmap of the reminders' and the pending rows' indexes, sorted (4 ms at 20,000
    /// rows, growing with the burst; TheNextWakeReadsTheLedgerIndexesTests), so both read their index in order.
    /// </remarks>
    public async Task<Instant?> NextDueAfterAsync(Instant now, CancellationToken cancellationToken)
    {
        var post = await FirstAsync(
            db.Occurrences
                .Where(o => o.Status == OccurrenceStatus.Pending && o.Due > now)
                .OrderBy(o => o.Due).Select(o => (Instant?)o.Due),
            cancellationToken);
        var reminder = await FirstAsync(
            db.Occurrences
                .Where(o => o.Status == OccurrenceStatus.Pending && o.ReminderStatus == ReminderStatus.Pending && o.RemindAt > now)
                .OrderBy(o => o.RemindAt).Select(o => (Instant?)o.RemindAt),
            cancellationToken);
        return (post, reminder) switch
        {
            (null, var r) => r,
            (var p, null) => p,
            var (p, r) => p < r ? p : r,
        };
    }

    /// <summary>The statement's first value, if any; on PostgreSQL planned on its indexes (<see cref="PostgresIndexScans"/>).</summary>
    private async Task<Instant?> FirstAsync(IQueryable<Instant?> statement, CancellationToken cancellationToken) =>
        db is PostgresCheckinDbContext
            ? (await PostgresIndexScans.ToListAsync(db, statement.Take(1), cancellationToken)).FirstOrDefault()
            : await statement.FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Occurrence>> ListByCollaborationAsync(Guid collaborationId, Instant from, Instant to, CancellationToken cancellationToken) =>
        await db.Occurrences.AsNoTracking()
            .Where(o => o.CollaborationId == collaborationId && o.Due >= from && o.Due <= to)
            .OrderBy(o => o.Due)
            .ToListAsync(cancellationToken);

    public Task<Occurrence?> LastPostedAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        db.Occurrences.AsNoTracking()
            .Where(o => o.CollaborationId == collaborationId && o.Status == OccurrenceStatus.Posted)
            .OrderByDescending(o => o.Due)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, Instant>> LastPostedManyAsync(IReadOnlyCollection<Guid> collaborationIds, CancellationToken cancellationToken)
    {
        if (db is not PostgresCheckinDbContext)
        {
            return await SqliteLedgerStatements.LastPostedAsync(db, collaborationIds, cancellationToken);
        }

        var result = new Dictionary<Guid, Instant>();
        foreach (var chunk in collaborationIds.Chunk(500))
        {
            var rows = await db.Occurrences.AsNoTracking()
                .Where(o => chunk.Contains(o.CollaborationId) && o.Status == OccurrenceStatus.Posted && o.PostedAt != null)
                .GroupBy(o => o.CollaborationId)
                .Select(g => new { Id = g.Key, At = g.Max(o => o.PostedAt) })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                result[row.Id] = row.At!.Value;
            }
        }

        return result;
    }

    public Task<Occurrence?> GetAsync(Guid occurrenceId, CancellationToken cancellationToken) =>
        db.Occurrences.AsNoTracking().FirstOrDefaultAsync(o => o.Id == occurrenceId, cancellationToken);

    public Task<Occurrence?> FindAsync(Guid rhythmId, Instant due, CancellationToken cancellationToken) =>
        db.Occurrences.AsNoTracking().FirstOrDefaultAsync(o => o.RhythmId == rhythmId && o.Due == due, cancellationToken);

    public async Task<Occurrence?> ClaimOneAsync(Guid occurrenceId, Instant now, string owner, Instant leaseUntil, CancellationToken cancellationToken)
    {
        long at = now.ToUnixTimeMilliseconds(), until = leaseUntil.ToUnixTimeMilliseconds();

        // The claim rules of ClaimDueAsync, for one row whatever its due time: an occurrence being posted is not taken.
        var claimed = db is PostgresCheckinDbContext
            ? db.Occurrences.FromSql($"""
                UPDATE "Occurrences" AS o SET "LeaseOwner" = {owner}, "LeaseUntil" = {until}, "Attempts" = o."Attempts" + 1
                WHERE o."Id" = {occurrenceId} AND o."Status" = 'Pending' AND (o."LeaseUntil" IS NULL OR o."LeaseUntil" <= {at})
                RETURNING o.*
                """)
            : db.Occurrences.FromSql($"""
                UPDATE "Occurrences" SET "LeaseOwner" = {owner}, "LeaseUntil" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" = {occurrenceId} AND "Status" = 'Pending' AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= {at})
                RETURNING *
                """);
        return (await claimed.AsNoTracking().ToListAsync(cancellationToken)).SingleOrDefault();
    }

    public Task RemindAgainAsync(Guid occurrenceId, Instant at, CancellationToken cancellationToken) =>
        db.Occurrences
            .Where(o => o.Id == occurrenceId && o.Status == OccurrenceStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.RemindAt, at)
                .SetProperty(o => o.ReminderStatus, ReminderStatus.Pending), cancellationToken);

    private static Occurrence New(OccurrenceSeed seed) => new()
    {
        Id = Guid.NewGuid(),
        RhythmId = seed.RhythmId,
        CollaborationId = seed.CollaborationId,
        Due = seed.Due,
        RemindAt = seed.RemindAt,
        Status = seed.Status,
        ReminderStatus = seed.Status == OccurrenceStatus.Pending ? ReminderStatus.Pending : ReminderStatus.NotSent,
    };
}
