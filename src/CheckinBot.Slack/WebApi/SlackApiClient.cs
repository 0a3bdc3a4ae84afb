using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CheckinBot.Slack.Delivery;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Slack.WebApi;

/// <summary>
/// The transport to Slack's Web API (<c>POST {ApiBaseUrl}{method}</c>): JSON or form bodies, a bearer token, and
/// <c>ok:false</c> turned into <see cref="SlackApiException"/>. Retries and 429 waits come from the resilience handler.
/// </summary>
public sealed class SlackApiClient(HttpClient http, ILogger<SlackApiClient> logger)
{
    /// <summary>Marks a request safe to send again after a server error or a lost connection (reads, not posts).</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("slack.idempotent");

    /// <summary>Calls a write method with a JSON body.</summary>
    public Task<JsonElement> CallJsonAsync(string method, string token, JsonObject body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = JsonContent.Create(body, options: JsonSerializerOptions.Default),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return SendAsync(method, request, cancellationToken);
    }

    /// <summary>Calls a method with a form body; reads are sent with <paramref name="idempotent"/> so they may be retried.</summary>
    public Task<JsonElement> CallFormAsync(string method, string? token, IEnumerable<KeyValuePair<string, string>> fields, bool idempotent, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = new FormUrlEncodedContent(fields) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Options.Set(Idempotent, idempotent);
        return SendAsync(method, request, cancellationToken);
    }

    /// <summary>Posts a message to a slash command's <c>response_url</c>; Slack answers 200 when it took it.</summary>
    public async Task RespondAsync(Uri responseUrl, JsonObject body, CancellationToken cancellationToken)
    {
        if (!SlackResponseUrlHosts.Allows(responseUrl, http.BaseAddress))
        {
            throw new SlackApiException("response_url", "host_not_allowed");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
        {
            Content = JsonContent.Create(body, options: JsonSerializerOptions.Default),
        };
        request.Options.Set(Idempotent, false);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}");
        }
    }

    private async Task<JsonElement> SendAsync(string method, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await http.SendAsync(request, cancellationToken))
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta;
                logger.RateLimited(method, retryAfter);
                throw new SlackApiException(method, "ratelimited", retryAfter);
            }

            JsonElement root;
            try
            {
                using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
                root = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                var status = (int)response.StatusCode;
                logger.NotJson(method, status);
                throw new SlackApiException(method, $"http_{(int)response.StatusCode}");
            }

            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
            {
                var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String
                    ? e.GetString()! : "unknown_error";
                logger.NotOk(method, error);
                throw new SlackApiException(method, error);
            }

            return root;
        }
    }
}
