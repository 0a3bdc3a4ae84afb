using CheckinBot.Core.Drafts;

namespace CheckinBot.Testing;

public sealed class NoDrafts : IDraftStore
{
    public Task<string?> GetAsync(Guid collaborationId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<IReadOnlyDictionary<Guid, string>> GetManyAsync(IReadOnlyCollection<Guid> collaborationIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, string>>(new Dictionary<Guid, string>());

    public Task SetAsync(Guid collaborationId, string text, NodaTime.Instant at, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ClearAsync(Guid collaborationId, NodaTime.Instant postedAt, CancellationToken cancellationToken) => Task.CompletedTask;
}
