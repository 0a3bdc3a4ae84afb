using NodaTime;

namespace CheckinBot.Core.Pings;

/// <summary>
/// Port: the VA's task in progress and focus block, for ping answers. The task log and focus blocks
/// implement it; until then <see cref="NoWorkStatus"/> says nothing is logged.
/// </summary>
public interface IWorkStatus
{
    /// <summary>What the VA of <paramref name="collaborationId"/> is doing at <paramref name="now"/>.</summary>
    Task<WorkStatus> GetAsync(Guid collaborationId, Instant now, CancellationToken cancellationToken);
}
