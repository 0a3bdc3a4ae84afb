using CheckinBot.Core.Conversations;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Stores;

internal sealed class EventLedger(CheckinDbContext db) : IEventLedger
{
    /// <remarks>
    /// One statement, one write: the row is inserted, or a claim whose lease ran out (its node died mid-turn) is taken
    /// over by exactly one retry, since the update is conditional; a done event or a live claim changes nothing. On SQLite
    /// the ledger's writes of concurrent turns are committed together (<see cref="SqliteGroupCommit"/>).
    /// </remarks>
    public async Task<bool> TryClaimAsync(string platform, string eventId, Instant now, Duration lease, CancellationToken cancellationToken)
    {
        var (at, until) = (now.ToUnixTimeMilliseconds(), (now + lease).ToUnixTimeMilliseconds());
        var claimed = await SqliteGroupCommit.WriteAsync(db, (db, token) => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ProcessedEvents" ("Platform", "EventId", "At", "LeaseUntil") VALUES ({platform}, {eventId}, {at}, {until})
            ON CONFLICT ("Platform", "EventId") DO UPDATE SET "At" = excluded."At", "LeaseUntil" = excluded."LeaseUntil"
            WHERE "ProcessedEvents"."LeaseUntil" IS NOT NULL AND "ProcessedEvents"."LeaseUntil" < {at}
            """, token), cancellationToken);
        return claimed == 1;
    }

    public Task CompleteAsync(string platform, string eventId, CancellationToken cancellationToken) =>
        SqliteGroupCommit.WriteAsync(db, (db, token) => db.ProcessedEvents.Where(e => e.Platform == platform && e.EventId == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseUntil, (Instant?)null), token), cancellationToken);

    public Task ReleaseAsync(string platform, string eventId, CancellationToken cancellationToken) =>
        SqliteGroupCommit.WriteAsync(db, (db, token) => db.ProcessedEvents.Where(e => e.Platform == platform && e.EventId == eventId && e.LeaseUntil != null)
            .ExecuteDeleteAsync(token), cancellationToken);

    public async Task<bool> TryRecordAsync(string platform, string eventId, Instant at, CancellationToken cancellationToken)
    {
        var ms = at.ToUnixTimeMilliseconds();
        return await SqliteGroupCommit.WriteAsync(db, (db, token) => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ProcessedEvents" ("Platform", "EventId", "At", "LeaseUntil") VALUES ({platform}, {eventId}, {ms}, NULL)
            ON CONFLICT ("Platform", "EventId") DO NOTHING
            """, token), cancellationToken) == 1;
    }

    public Task PruneAsync(Instant before, CancellationToken cancellationToken) =>
        db.ProcessedEvents.Where(e => e.At < before).ExecuteDeleteAsync(cancellationToken);
}
