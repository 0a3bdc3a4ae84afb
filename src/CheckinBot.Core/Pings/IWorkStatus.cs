using NodaTime;

namespace CheckinBot.Core.Pings;

/// <summary>
/// Port: the VA's task in progress and focus block, for ping answers, and her open tasks, for the ping classifier; the
/// task log implements it (<see cref="Tasks.TaskWorkStatus"/>).
/// </summary>
public interface IWorkStatus
{
    /// <summary>What the VA of <paramref name="collaborationId"/> is doing at <paramref name="now"/>.</summary>
    Task<WorkStatus> GetAsync(Guid collaborationId, Instant now, CancellationToken cancellationToken);

    /// <summary>The titles of the open tasks (planned, started, blocked) of the VA of <paramref name="collaborationId"/>.</summary>
    Task<OpenWork> OpenWorkAsync(Guid collaborationId, CancellationToken cancellationToken);
}
