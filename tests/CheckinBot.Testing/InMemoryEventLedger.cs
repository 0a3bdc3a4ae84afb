using System.Collections.Concurrent;
using CheckinBot.Core.Conversations;
using NodaTime;

namespace CheckinBot.Testing;

public sealed class InMemoryEventLedger : IEventLedger
{
    private readonly ConcurrentDictionary<(string, string), Instant> seen = new();
    private readonly ConcurrentDictionary<(string, string), Instant> claimed = new();

    public Task<bool> TryClaimAsync(string platform, string eventId, Instant now, Duration lease, CancellationToken cancellationToken) =>
        Task.FromResult(!seen.ContainsKey((platform, eventId)) && claimed.TryAdd((platform, eventId), now + lease));

    public Task CompleteAsync(string platform, string eventId, CancellationToken cancellationToken)
    {
        if (claimed.TryRemove((platform, eventId), out var until))
        {
            seen.TryAdd((platform, eventId), until);
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string platform, string eventId, CancellationToken cancellationToken)
    {
        claimed.TryRemove((platform, eventId), out _);
        return Task.CompletedTask;
    }

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
