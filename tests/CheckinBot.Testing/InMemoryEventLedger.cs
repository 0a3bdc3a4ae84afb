using System.Collections.Concurrent;
using CheckinBot.Core.Conversations;
using NodaTime;

namespace CheckinBot.Testing;

public sealed class InMemoryEventLedger : IEventLedger
{
    private readonly ConcurrentDictionary<(string, string), Instant> seen = new();

    public Task<bool> TryRecordAsync(string platform, string eventId, Instant at, CancellationToken cancellationToken) =>
        Task.FromResult(seen.TryAdd((platform, eventId), at));

    public Task PruneAsync(Instant before, CancellationToken cancellationToken)
    {
        foreach (var (key, at) in seen)
        {
            if (at < before)
            {
                seen.TryRemove(key, out _);
            }
        }

        return Task.CompletedTask;
    }
}
