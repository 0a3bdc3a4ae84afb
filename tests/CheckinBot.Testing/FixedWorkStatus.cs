using CheckinBot.Core.Pings;
using NodaTime;

namespace CheckinBot.Testing;

/// <summary>Stands in for the task log and focus blocks; counts the reads of open work (each is a store round trip live).</summary>
public sealed class FixedWorkStatus : IWorkStatus
{
    public WorkStatus Status { get; set; } = WorkStatus.Unknown;

    /// <summary>The VA's open tasks.</summary>
    public OpenWork OpenWork { get; set; } = OpenWork.None;

    /// <summary>How many times open work was read.</summary>
    public int OpenWorkReads { get; private set; }

    public Task<WorkStatus> GetAsync(Guid collaborationId, Instant now, CancellationToken cancellationToken) => Task.FromResult(Status);

    public Task<OpenWork> OpenWorkAsync(Guid collaborationId, CancellationToken cancellationToken)
    {
        OpenWorkReads++;
        return Task.FromResult(OpenWork);
    }
}
