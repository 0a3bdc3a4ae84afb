using CheckinBot.Core.Pings;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Stores;

internal sealed class PingLog(CheckinDbContext db) : IPingLog
{
    public async Task AddAsync(Ping ping, CancellationToken cancellationToken)
    {
        db.Pings.Add(ping);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(ping).State = EntityState.Detached;
    }

    public Task<Ping?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Pings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<Ping?> LastAnsweredAsync(Guid collaborationId, string personId, CancellationToken cancellationToken) =>
        db.Pings.AsNoTracking()
            .Where(p => p.CollaborationId == collaborationId && p.PersonId == personId && p.Outcome == PingOutcome.Answered)
            .OrderByDescending(p => p.At)
            .FirstOrDefaultAsync(cancellationToken);

    public Task<int> CountAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        db.Pings.CountAsync(p => p.CollaborationId == collaborationId, cancellationToken);

    public async Task<bool> MarkEscalatedAsync(Guid id, Instant at, CancellationToken cancellationToken) =>
        await db.Pings.Where(p => p.Id == id && p.EscalatedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.EscalatedAt, (Instant?)at), cancellationToken) == 1;

    public async Task<IReadOnlyList<Ping>> ListAsync(Guid collaborationId, Instant from, Instant to, CancellationToken cancellationToken) =>
        await db.Pings.AsNoTracking()
            .Where(p => p.CollaborationId == collaborationId && p.At >= from && p.At <= to)
            .OrderBy(p => p.At)
            .ToListAsync(cancellationToken);
}
