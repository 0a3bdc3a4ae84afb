using CheckinBot.Core.Privacy;
using CheckinBot.Core.Tasks;
using NodaTime;

namespace CheckinBot.Testing;

/// <summary>An empty task log: these tests are about pings, not tasks.</summary>
public sealed class NoTasks : ITaskStore, IPersonalDataStore
{
    public Task<IReadOnlyList<WorkTask>> ListAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WorkTask>>([]);

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<WorkTask>>> ListOpenManyAsync(IReadOnlyCollection<Guid> collaborationIds, Instant doneSince, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, IReadOnlyList<WorkTask>>>(new Dictionary<Guid, IReadOnlyList<WorkTask>>());

    public Task<IReadOnlyList<string>> OpenTitlesAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<WorkTask?> CurrentAsync(Guid collaborationId, CancellationToken cancellationToken) => Task.FromResult<WorkTask?>(null);

    public Task<IReadOnlyDictionary<Guid, WorkTask>> CurrentManyAsync(IReadOnlyCollection<Guid> collaborationIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, WorkTask>>(new Dictionary<Guid, WorkTask>());

    public Task SaveAsync(IReadOnlyCollection<WorkTask> tasks, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> ForgetAsync(string platform, string workspaceId, string personId, string pseudonym, CancellationToken cancellationToken) => throw new NotSupportedException();
}
