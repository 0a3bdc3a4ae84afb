using CheckinBot.Core.Pings;
using NodaTime;

namespace CheckinBot.Testing;

/// <summary>Stands in for the task log and focus blocks.</summary>
public sealed class FixedWorkStatus : IWorkStatus
{
    public WorkStatus Status { get; set; } = WorkStatus.Unknown;

    public Task<WorkStatus> GetAsync(Guid collaborationId, Instant now, CancellationToken cancellationToken) => Task.FromResult(Status);
}
