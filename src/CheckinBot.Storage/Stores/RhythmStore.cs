using CheckinBot.Core.Occurrences;
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

    /// <summary>
    /// One statement on the index of scheduled rhythms in plan order (<see cref="CheckinDbContext.RhythmsToPlan"/>: watermark,
    /// collaboration, id), from just after the last page: it reads the page's rhythms and stops, and finds nothing at once
    /// when every watermark lies past the horizon. (Ordered by collaboration from the start of a state index, each page read
    /// every scheduled rhythm: 98,000 buffers for an empty page of 100,000 rhythms on PostgreSQL.) The filter is the index's
    /// own, word for word, so that both databases see that the index holds every row the page may return; the limit is
    /// written into the text, as in the claim, so that a generic plan reads the index in order up to it.
    /// </summary>
    public async Task<IReadOnlyList<Rhythm>> ListToPlanAsync(Instant horizon, int max, PlanCursor? after, CancellationToken cancellationToken)
    {
        var limit = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var from = after is null ? "" : """ AND ("PlannedUntil", "CollaborationId", "Id") > ({1}, {2}, {3})""";
        object[] parameters = after is { } cursor
            ? [horizon.ToUnixTimeMilliseconds(), cursor.PlannedUntil.ToUnixTimeMilliseconds(), cursor.CollaborationId, cursor.Id]
            : [horizon.ToUnixTimeMilliseconds()];
        // SQLite, on an OR, may join two indexes (the state's) instead of reading the one that is in order: named here.
        var table = db is PostgresCheckinDbContext ? "\"Rhythms\"" : $"\"Rhythms\" INDEXED BY \"{CheckinDbContext.RhythmsToPlan}\"";
        var sql = $$"""
            SELECT * FROM {{table}}
            WHERE {{CheckinDbContext.ScheduledRhythms}} AND "PlannedUntil" < {0}{{from}}
            ORDER BY "PlannedUntil", "CollaborationId", "Id" LIMIT {{limit}}
            """;
        return await db.Rhythms.FromSqlRaw(sql, parameters).AsNoTracking().ToListAsync(cancellationToken);
    }

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
