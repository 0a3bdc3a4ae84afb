using CheckinBot.Core.Conversations;
using CheckinBot.Storage.Rows;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Stores;

internal sealed class EventLedger(CheckinDbContext db) : IEventLedger
{
    public async Task<bool> TryRecordAsync(string platform, string eventId, Instant at, CancellationToken cancellationToken)
    {
        if (await db.ProcessedEvents.AnyAsync(e => e.Platform == platform && e.EventId == eventId, cancellationToken))
        {
            return false;
        }

        var row = new ProcessedEventRow { Platform = platform, EventId = eventId, At = at };
        db.ProcessedEvents.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(row).State = EntityState.Detached;
            return true;
        }
        catch (DbUpdateException)
        {
            // The same event arrived twice at once; the unique key let one through.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public Task PruneAsync(Instant before, CancellationToken cancellationToken) =>
        db.ProcessedEvents.Where(e => e.At < before).ExecuteDeleteAsync(cancellationToken);
}
