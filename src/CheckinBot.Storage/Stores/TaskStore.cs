using CheckinBot.Core.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Stores;

internal sealed class TaskStore(CheckinDbContext db) : ITaskStore
{
    public async Task<IReadOnlyList<WorkTask>> ListAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        await db.Tasks.Where(t => t.CollaborationId == collaborationId).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<WorkTask>>> ListOpenManyAsync(
        IReadOnlyCollection<Guid> collaborationIds, Instant doneSince, CancellationToken cancellationToken)
    {
        var found = new List<WorkTask>();
        foreach (var chunk in collaborationIds.Chunk(500))
        {
            found.AddRange(await db.Tasks.AsNoTracking()
                .Where(t => chunk.Contains(t.CollaborationId) && (t.State != TaskState.Done || t.DoneAt >= doneSince))
                .ToListAsync(cancellationToken));
        }

        return found.GroupBy(t => t.CollaborationId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<WorkTask>)g.OrderBy(t => t.CreatedAt).ToList());
    }

    public async Task<IReadOnlyList<string>> OpenTitlesAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        await db.Tasks.AsNoTracking()
            .Where(t => t.CollaborationId == collaborationId && t.State != TaskState.Done)
            .OrderBy(t => t.CreatedAt)
            .Select(t => t.Title)
            .ToListAsync(cancellationToken);

    public async Task<WorkTask?> CurrentAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        TaskLog.Current(await db.Tasks.AsNoTracking()
            .Where(t => t.CollaborationId == collaborationId && t.State == TaskState.Started)
            .ToListAsync(cancellationToken));

    public async Task<IReadOnlyDictionary<Guid, WorkTask>> CurrentManyAsync(IReadOnlyCollection<Guid> collaborationIds, CancellationToken cancellationToken)
    {
        var started = new List<WorkTask>();
        foreach (var chunk in collaborationIds.Chunk(500))
        {
            started.AddRange(await db.Tasks.AsNoTracking()
                .Where(t => chunk.Contains(t.CollaborationId) && t.State == TaskState.Started)
                .ToListAsync(cancellationToken));
        }

        return started.GroupBy(t => t.CollaborationId).ToDictionary(g => g.Key, g => TaskLog.Current(g)!);
    }

    public async Task SaveAsync(IReadOnlyCollection<WorkTask> tasks, CancellationToken cancellationToken)
    {
        foreach (var task in tasks)
        {
            if (db.Entry(task).State == EntityState.Detached)
            {
                var exists = await db.Tasks.AsNoTracking().AnyAsync(t => t.Id == task.Id, cancellationToken);
                if (exists)
                {
                    db.Tasks.Update(task);
                }
                else
                {
                    db.Tasks.Add(task);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
