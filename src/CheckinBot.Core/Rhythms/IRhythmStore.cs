namespace CheckinBot.Core.Rhythms;

/// <summary>Port: rhythms with their audit trail.</summary>
public interface IRhythmStore
{
    Task<IReadOnlyList<Rhythm>> ListByCollaborationAsync(Guid collaborationId, CancellationToken cancellationToken);

    /// <summary>The collaboration's rhythms with their whole audit trail (for export), not tracked.</summary>
    Task<IReadOnlyList<Rhythm>> ListWithTrailAsync(Guid collaborationId, CancellationToken cancellationToken);

    /// <summary>Rhythms that produce occurrences now or later: agreed, or paused with an end date.</summary>
    Task<IReadOnlyList<Rhythm>> ListScheduledAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> scheduled rhythms whose watermark lies before <paramref name="horizon"/>, in plan order
    /// (<see cref="Occurrences.PlanCursor"/>) from just after <paramref name="after"/>, without their audit trail and not
    /// tracked: the planner's next page, read from an index in that order up to the page's end.
    /// </summary>
    Task<IReadOnlyList<Rhythm>> ListToPlanAsync(NodaTime.Instant horizon, int max, Occurrences.PlanCursor? after, CancellationToken cancellationToken);

    Task<IReadOnlyList<Rhythm>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Adds new rhythms and saves changed ones, with any new audit events.</summary>
    Task SaveAsync(IReadOnlyCollection<Rhythm> rhythms, CancellationToken cancellationToken);

    /// <summary>Moves the planner's watermark of these rhythms forward to <paramref name="until"/>.</summary>
    Task AdvancePlannedUntilAsync(IReadOnlyCollection<Guid> rhythmIds, NodaTime.Instant until, CancellationToken cancellationToken);
}
