namespace CheckinBot.Core.Drafts;

/// <summary>Port: the VA's draft for the next update of a collaboration.</summary>
public interface IDraftStore
{
    Task<string?> GetAsync(Guid collaborationId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, string>> GetManyAsync(IReadOnlyCollection<Guid> collaborationIds, CancellationToken cancellationToken);

    Task SetAsync(Guid collaborationId, string text, NodaTime.Instant at, CancellationToken cancellationToken);

    /// <summary>Removes the draft once it was posted, unless it was replaced after <paramref name="postedAt"/>.</summary>
    Task ClearAsync(Guid collaborationId, NodaTime.Instant postedAt, CancellationToken cancellationToken);
}
