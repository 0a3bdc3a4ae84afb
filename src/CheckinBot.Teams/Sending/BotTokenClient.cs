using System.Net.Http.Json;
using System.Text.Json;
using CheckinBot.Core.Clock;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CheckinBot.Teams.Sending;

/// <summary>
/// The bot's outbound token: client credentials at <c>Teams:TokenEndpoint</c> for the Bot Framework scope, kept until
/// five minutes before it expires, fetched once for all callers that need it at the same moment.
/// </summary>
internal sealed class BotTokenClient(HttpClient http, IOptions<TeamsOptions> options, WallClock time, ILogger<BotTokenClient> logger)
{
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly Lock gate = new();
    private (string Token, DateTimeOffset RenewAt)? cached;
    private Task<string>? fetching;

    /// <summary>A valid token; null when the bot runs anonymously.</summary>
    public Task<string?> GetAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsAnonymous)
        {
            return Task.FromResult<string?>(null);
        }

        lock (gate)
        {
            if (cached is { } held && time.GetUtcNow() < held.RenewAt)
            {
                return Task.FromResult<string?>(held.Token);
            }

            if (fetching is null || fetching.IsCompleted)
            {
                fetching = FetchAsync();
            }

            return fetching.WaitAsync(cancellationToken)!;
        }
    }

    /// <summary>Forgets the token, after the connector refused it.</summary>
    public void Forget()
    {
        lock (gate)
        {
            cached = null;
        }
    }

    private async Task<string> FetchAsync()
    {
        var settings = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.AppId!,
            ["client_secret"] = settings.AppPassword ?? "",
            ["scope"] = Scope,
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await http.PostAsync(new Uri(settings.TokenEndpointOrDefault), form, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            logger.TokenFailed((int)response.StatusCode);
            throw new TeamsCallException(response.StatusCode, null, $"The token endpoint answered {(int)response.StatusCode}.");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        var token = body.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (string.IsNullOrEmpty(token))
        {
            throw new TeamsCallException("The token endpoint answered without an access_token.");
        }

        var lifetime = body.TryGetProperty("expires_in", out var e) && ReadSeconds(e) is { } seconds ? seconds : 3600;
        var renewAt = time.GetUtcNow() + TimeSpan.FromSeconds(lifetime) - RenewBefore;
        lock (gate)
        {
            cached = (token, renewAt);
        }

        return token;
    }

    private static long? ReadSeconds(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };
}
