using CheckinBot.Core.Conversations;
using CheckinBot.Storage.Rows;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Stores;

internal sealed class EventLedger(CheckinDbContext db) : IEventLedger
{
    public async Task<bool> TryClaimAsync(string platform, string eventId, Instant now, Duration lease, CancellationToken cancellationToken)
    {
        var until = now + lease;

        // A claim whose node died mid-turn is taken over by exactly one retry: the update is conditional.
        var takenOver = await db.ProcessedEvents
            .Where(e => e.Platform == platform && e.EventId == eventId && e.LeaseUntil != null && e.LeaseUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseUntil, until).SetProperty(e => e.At, now), cancellationToken);
        return takenOver == 1 || await TryInsertAsync(new ProcessedEventRow { Platform = platform, EventId = eventId, At = now, LeaseUntil = until }, cancellationToken);
    }

    public Task CompleteAsync(string platform, string eventId, CancellationToken cancellationToken) =>
        db.ProcessedEvents.Where(e => e.Platform == platform && e.EventId == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseUntil, (Instant?)null), cancellationToken);

    public Task ReleaseAsync(string platform, string eventId, CancellationToken cancellationToken) =>
        db.ProcessedEvents.Where(e => e.Platform == platform && e.EventId == eventId && e.LeaseUntil != null).ExecuteDeleteAsync(cancellationToken);

    public Task<bool> TryRecordAsync(string platform, string eventId, Instant at, CancellationToken cancellationToken) =>
        TryInsertAsync(new ProcessedEventRow { Platform = platform, EventId = eventId, At = at }, cancellationToken);

    public Task PruneAsync(Instant before, CancellationToken cancellationToken) =>
        db.ProcessedEvents.Where(e => e.At < before).ExecuteDeleteAsync(cancellationToken);

    private async Task<bool> TryInsertAsync(ProcessedEventRow row, CancellationToken cancellationToken)
    {
        if (await db.ProcessedEvents.AnyAsync(e => e.Platform == row.Platform && e.EventId == row.EventId, cancellationToken))
        {
            return false;
        }

        db.ProcessedEvents.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (UniqueKeys.IsViolation(e))
        {
            // The same event arrived twice at once; the key let one through.
            return false;
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
