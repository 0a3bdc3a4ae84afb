using System.Collections.Concurrent;
using CheckinBot.Core.Workspaces;
using NodaTime;

namespace CheckinBot.Testing;

/// <summary>OAuth states in memory, with the database store's rules: expiring, used once.</summary>
public sealed class InMemoryOAuthStates : IOAuthStateStore
{
    private readonly ConcurrentDictionary<string, Instant> states = new(StringComparer.Ordinal);

    public int Count => states.Count;

    public Task AddAsync(string hash, Instant expiresAt, Instant now, CancellationToken cancellationToken)
    {
        foreach (var (key, until) in states)
        {
            if (until <= now)
            {
                states.TryRemove(key, out _);
            }
        }

        states[hash] = expiresAt;
        return Task.CompletedTask;
    }

    public Task<bool> TryConsumeAsync(string hash, Instant now, CancellationToken cancellationToken) =>
        Task.FromResult(states.TryRemove(hash, out var until) && until > now);
}
