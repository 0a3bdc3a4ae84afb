using System.Security.Cryptography;
using System.Text;
using CheckinBot.Core.Clock;
using CheckinBot.Core.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CheckinBot.Slack.Installing;

/// <summary>
/// The <c>state</c> values of OAuth installs in progress: made by the server, bound to the browser that started the
/// install (a nonce in a cookie), single use, expiring after ten minutes, and kept in the database (only their hash),
/// so that the callback may reach any node.
/// </summary>
public sealed class OAuthStates(WallClock clock, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>The cookie that binds an install to the browser that started it.</summary>
    public const string CookieName = "checkinbot_oauth";

    /// <summary>Longer than any value this class makes; longer ones are refused unread.</summary>
    private const int MaxLength = 64;

    /// <summary>A new install: the <c>state</c> for Slack, and the nonce for the browser's cookie.</summary>
    public async Task<(string State, string Nonce)> CreateAsync(CancellationToken cancellationToken)
    {
        var (state, nonce) = (Random(), Random());
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOAuthStateStore>().AddAsync(
            Hash(state, nonce), Instant.FromDateTimeOffset(now + Lifetime), Instant.FromDateTimeOffset(now), cancellationToken);
        return (state, nonce);
    }

    /// <summary>True once for a state this bot made for this browser, and that has not expired.</summary>
    public async Task<bool> TryConsumeAsync(string? state, string? nonce, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state) || string.IsNullOrEmpty(nonce) || state.Length > MaxLength || nonce.Length > MaxLength)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOAuthStateStore>().TryConsumeAsync(
            Hash(state, nonce), Instant.FromDateTimeOffset(clock.GetUtcNow()), cancellationToken);
    }

    private static string Random() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    private static string Hash(string state, string nonce) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state + "\n" + nonce)));
}
