using NodaTime;

namespace CheckinBot.Core.Tasks;

/// <summary>
/// Port: the VA's task log. Other capabilities (ping answers, status) read "the task in progress" through
/// <see cref="CurrentAsync"/> or <see cref="CurrentManyAsync"/>; see <see cref="TaskLog.Current"/> for the rule.
/// </summary>
public interface ITaskStore
{
    /// <summary>Every task of a collaboration, oldest first.</summary>
    Task<IReadOnlyList<WorkTask>> ListAsync(Guid collaborationId, CancellationToken cancellationToken);

    /// <summary>
    /// For a batch of collaborations at once: their tasks that are not done, or were done at or after <paramref name="doneSince"/>.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<WorkTask>>> ListOpenManyAsync(IReadOnlyCollection<Guid> collaborationIds, Instant doneSince, CancellationToken cancellationToken);

    /// <summary>The titles of a collaboration's open tasks (planned, started or blocked), oldest first: one read of titles only, for the ping classifier.</summary>
    Task<IReadOnlyList<string>> OpenTitlesAsync(Guid collaborationId, CancellationToken cancellationToken);

    /// <summary>The task in progress in a collaboration: the started task touched last; null when none is started.</summary>
    Task<WorkTask?> CurrentAsync(Guid collaborationId, CancellationToken cancellationToken);

    /// <summary>The task in progress of each of several collaborations (those without one are left out).</summary>
    Task<IReadOnlyDictionary<Guid, WorkTask>> CurrentManyAsync(IReadOnlyCollection<Guid> collaborationIds, CancellationToken cancellationToken);

    /// <summary>Adds new tasks and saves changed ones.</summary>
    Task SaveAsync(IReadOnlyCollection<WorkTask> tasks, CancellationToken cancellationToken);
}
