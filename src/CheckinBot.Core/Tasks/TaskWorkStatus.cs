using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Pings;
using NodaTime;

namespace CheckinBot.Core.Tasks;

/// <summary>What the VA is doing, for ping answers: her task in progress and her focus block, and her open tasks, from the task log.</summary>
public sealed class TaskWorkStatus(ITaskStore tasks, ICollaborationStore collaborations) : IWorkStatus
{
    public async Task<WorkStatus> GetAsync(Guid collaborationId, Instant now, CancellationToken cancellationToken)
    {
        var current = await tasks.CurrentAsync(collaborationId, cancellationToken);
        var collaboration = await collaborations.GetAsync(collaborationId, cancellationToken);
        return new WorkStatus(current?.Title, current?.StartedAt, collaboration?.FocusedUntil(now));
    }

    public async Task<OpenWork> OpenWorkAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        new(await tasks.OpenTitlesAsync(collaborationId, cancellationToken));
}
