using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;

namespace CheckinBot.Testing;

public sealed class InMemoryRhythms : IRhythmStore
{
    public List<Rhythm> All { get; } = [];

    public Task<IReadOnlyList<Rhythm>> ListByCollaborationAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Rhythm>>(All.Where(r => r.CollaborationId == collaborationId).ToList());

    public Task<IReadOnlyList<Rhythm>> ListWithTrailAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        ListByCollaborationAsync(collaborationId, cancellationToken);

    public Task<IReadOnlyList<Rhythm>> ListScheduledAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Rhythm>>(All.Where(r => r.IsScheduled).ToList());

    public Task<IReadOnlyList<Rhythm>> ListToPlanAsync(NodaTime.Instant horizon, int max, PlanCursor? after, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Rhythm>>(PlanCursor.InPlanOrder(All.Where(r => r.IsScheduled && r.PlannedUntil < horizon && PlanCursor.IsAfter(r, after)))
            .Take(max).ToList());

    public Task<IReadOnlyList<Rhythm>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Rhythm>>(All.Where(r => ids.Contains(r.Id)).ToList());

    public Task SaveAsync(IReadOnlyCollection<Rhythm> rhythms, CancellationToken cancellationToken)
    {
        foreach (var rhythm in rhythms.Where(r => !All.Contains(r)))
        {
            All.Add(rhythm);
        }

        return Task.CompletedTask;
    }

    public Task AdvancePlannedUntilAsync(IReadOnlyCollection<Guid> rhythmIds, NodaTime.Instant until, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
