using CheckinBot.Core.Tasks;
using NodaTime;

namespace CheckinBot.Testing;

/// <summary>The VA's task log in memory.</summary>
public sealed class InMemoryTasks : ITaskStore
{
    public List<WorkTask> All { get; } = [];

    public Task<IReadOnlyList<WorkTask>> ListAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WorkTask>>(All.Where(t => t.CollaborationId == collaborationId).ToList());

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<WorkTask>>> ListOpenManyAsync(IReadOnlyCollection<Guid> collaborationIds, Instant doneSince, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, IReadOnlyList<WorkTask>>>(All
            .Where(t => collaborationIds.Contains(t.CollaborationId) && (t.State != TaskState.Done || t.DoneAt >= doneSince))
            .GroupBy(t => t.CollaborationId).ToDictionary(g => g.Key, g => (IReadOnlyList<WorkTask>)g.ToList()));

    public Task<IReadOnlyList<string>> OpenTitlesAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(All.Where(t => t.CollaborationId == collaborationId && t.State != TaskState.Done).Select(t => t.Title).ToList());

    public Task<WorkTask?> CurrentAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        Task.FromResult(TaskLog.Current(All.Where(t => t.CollaborationId == collaborationId)));

    public Task<IReadOnlyDictionary<Guid, WorkTask>> CurrentManyAsync(IReadOnlyCollection<Guid> collaborationIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, WorkTask>>(collaborationIds
            .Select(id => (id, TaskLog.Current(All.Where(t => t.CollaborationId == id))))
            .Where(p => p.Item2 is not null).ToDictionary(p => p.id, p => p.Item2!));

    public Task SaveAsync(IReadOnlyCollection<WorkTask> tasks, CancellationToken cancellationToken)
    {
        All.AddRange(tasks.Where(t => !All.Contains(t)));
        return Task.CompletedTask;
    }
}
