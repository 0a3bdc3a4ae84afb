using NodaTime;

namespace CheckinBot.Core.Pings;

/// <summary>
/// Port: the VA's task in progress and focus block, for ping answers; the task log implements it
/// (<see cref="Tasks.TaskWorkStatus"/>).
/// </summary>
public interface IWorkStatus
{
    /// <summary>What the VA of <paramref name="collaborationId"/> is doing at <paramref name="now"/>.</summary>
    Task<WorkStatus> GetAsync(Guid collaborationId, Instant now, CancellationToken cancellationToken);
}
