using System.Text.Json;
using CheckinBot.Core.Clock;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace CheckinBot.Teams.Authentication;

/// <summary>
/// The signing keys named by one OpenID metadata document, fetched on first use, kept for half a day, and fetched
/// again early (at most every five minutes) when a token names a key that is not known yet: keys roll over.
/// </summary>
internal sealed class SigningKeySource(HttpClient http, string metadataUrl, WallClock time, ILogger logger)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(12);
    private static readonly TimeSpan RefetchGap = TimeSpan.FromMinutes(5);

    private readonly Lock gate = new();
    private IReadOnlyDictionary<string, SigningKey> keys = new Dictionary<string, SigningKey>();
    private DateTimeOffset? fetchedAt;
    private Task? refreshing;

    public string MetadataUrl => metadataUrl;

    /// <summary>The key with this id, or null when the metadata does not name it (or cannot be read).</summary>
    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (fetchedAt is null || now - fetchedAt >= KeepFor)
        {
            await RefreshAsync(fetchedAt, cancellationToken);
        }

        if (keys.TryGetValue(keyId, out var key))
        {
            return key;
        }

        if (fetchedAt is { } last && time.GetUtcNow() - last >= RefetchGap)
        {
            await RefreshAsync(last, cancellationToken);
        }

        return keys.GetValueOrDefault(keyId);
    }

    /// <summary>Fetches the keys once for all requests that found them stale at the same moment.</summary>
    private Task RefreshAsync(DateTimeOffset? seen, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (fetchedAt != seen)
            {
                return Task.CompletedTask; // another request refreshed meanwhile
            }

            if (refreshing is null || refreshing.IsCompleted)
            {
                refreshing = RefreshNowAsync();
            }

            return refreshing.WaitAsync(cancellationToken);
        }
    }

    private async Task RefreshNowAsync()
    {
        try
        {
            // Not tied to one request's cancellation: other requests wait for the same fetch.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var fresh = await FetchAsync(timeout.Token);
            lock (gate)
            {
                keys = fresh;
                fetchedAt = time.GetUtcNow();
            }

            logger.KeysRefreshed(metadataUrl, fresh.Count);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException or InvalidOperationException or ArgumentException or UriFormatException)
        {
            // Keep what we had; an unknown key is refused until the metadata can be read again.
            logger.KeysUnreadable(metadataUrl, ex.GetType().Name);
        }
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>> FetchAsync(CancellationToken cancellationToken)
    {
        using var metadata = await GetJsonAsync(new Uri(metadataUrl), cancellationToken);
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
            ? uri.GetString()!
            : throw new InvalidOperationException("The OpenID metadata names no jwks_uri.");
        using var jwks = await GetJsonAsync(new Uri(jwksUri), cancellationToken);
        var found = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        if (!jwks.RootElement.TryGetProperty("keys", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException("The key set holds no keys.");
        }

        foreach (var element in list.EnumerateArray())
        {
            var key = new JsonWebKey(element.GetRawText());
            if (string.IsNullOrEmpty(key.Kid))
            {
                continue;
            }

            List<string>? endorsements = null;
            if (element.TryGetProperty("endorsements", out var named) && named.ValueKind == JsonValueKind.Array)
            {
                endorsements = named.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
            }

            found[key.Kid] = new SigningKey(key, endorsements);
        }

        return found;
    }

    private async Task<JsonDocument> GetJsonAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(uri, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }
}
