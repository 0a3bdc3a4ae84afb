using CheckinBot.Core.Rhythms;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Stores;

internal sealed class RhythmStore(CheckinDbContext db) : IRhythmStore
{
    public async Task<IReadOnlyList<Rhythm>> ListByCollaborationAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        await db.Rhythms.Where(r => r.CollaborationId == collaborationId).OrderBy(r => r.Number).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Rhythm>> ListWithTrailAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        await db.Rhythms.AsNoTracking().Include(r => r.Events)
            .Where(r => r.CollaborationId == collaborationId).OrderBy(r => r.Number).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Rhythm>> ListScheduledAsync(CancellationToken cancellationToken) =>
        await db.Rhythms.AsNoTracking()
            .Where(r => r.State == RhythmState.Agreed || (r.State == RhythmState.Paused && r.PausedUntil != null))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Rhythm>> ListToPlanAsync(Instant horizon, int max, CancellationToken cancellationToken) =>
        await db.Rhythms.AsNoTracking()
            .Where(r => (r.State == RhythmState.Agreed || (r.State == RhythmState.Paused && r.PausedUntil != null)) && r.PlannedUntil < horizon)
            // A collaboration's rhythms in one page, so that its occurrences are written, and then claimed, side by side.
            .OrderBy(r => r.CollaborationId).ThenBy(r => r.Id)
            .Take(max)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Rhythm>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Rhythms.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);

    public async Task SaveAsync(IReadOnlyCollection<Rhythm> rhythms, CancellationToken cancellationToken)
    {
        foreach (var rhythm in rhythms)
        {
            if (db.Entry(rhythm).State == EntityState.Detached)
            {
                db.Rhythms.Add(rhythm);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AdvancePlannedUntilAsync(IReadOnlyCollection<Guid> rhythmIds, Instant until, CancellationToken cancellationToken)
    {
        foreach (var chunk in rhythmIds.Chunk(500))
        {
            await db.Rhythms
                .Where(r => chunk.Contains(r.Id) && r.PlannedUntil < until)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.PlannedUntil, until), cancellationToken);
        }
    }
}
