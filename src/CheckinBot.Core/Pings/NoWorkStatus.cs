using NodaTime;

namespace CheckinBot.Core.Pings;

/// <summary>No task log or focus known: every answer says the VA is working through her plan.</summary>
public sealed class NoWorkStatus : IWorkStatus
{
    public Task<WorkStatus> GetAsync(Guid collaborationId, Instant now, CancellationToken cancellationToken) =>
        Task.FromResult(WorkStatus.Unknown);
}
