using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CheckinBot.Slack.Installing;

/// <summary>The <c>state</c> values of OAuth installs in progress: made by the server, single use, expiring.</summary>
public sealed class OAuthStates(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const int MaxPending = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> pending = new(StringComparer.Ordinal);

    /// <summary>A new state, or null when too many installs are pending (someone is hammering <c>/slack/install</c>).</summary>
    public string? Create()
    {
        var now = time.GetUtcNow();
        if (pending.Count >= MaxPending)
        {
            foreach (var (key, until) in pending)
            {
                if (until <= now)
                {
                    pending.TryRemove(key, out _);
                }
            }

            if (pending.Count >= MaxPending)
            {
                return null;
            }
        }

        var state = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        pending[state] = now + Lifetime;
        return state;
    }

    /// <summary>True once for a state this server made and that has not expired.</summary>
    public bool TryConsume(string? state) =>
        !string.IsNullOrEmpty(state) && pending.TryRemove(state, out var until) && until > time.GetUtcNow();
}
