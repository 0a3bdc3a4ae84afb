using CheckinBot.Core.Clock;
using CheckinBot.Storage.Rows;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Stores;

internal sealed class ClockMarkStore(CheckinDbContext db) : IClockMarkStore
{
    private const int TheMark = 1;

    public async Task<Instant?> LoadAsync(CancellationToken cancellationToken) =>
        (await db.ClockMarks.AsNoTracking().FirstOrDefaultAsync(m => m.Id == TheMark, cancellationToken))?.TravelledTo;

    public async Task SaveAsync(Instant travelledTo, CancellationToken cancellationToken)
    {
        var row = await db.ClockMarks.FirstOrDefaultAsync(m => m.Id == TheMark, cancellationToken);
        if (row is null)
        {
            db.ClockMarks.Add(new ClockMarkRow { Id = TheMark, TravelledTo = travelledTo });
        }
        else if (travelledTo > row.TravelledTo)
        {
            row.TravelledTo = travelledTo;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
