using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CheckinBot.Testing.Teams;

/// <summary>
/// A Bot Connector and token endpoint on loopback: records every call and answers from a script (429 with Retry-After,
/// 412, 502, 403 MessageWritesBlocked…) before answering as Teams does.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedAnswer> script = new();
    private readonly ConcurrentQueue<ConnectorCall> calls = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private WebApplication? app;
    private int nextId;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The service URL activities name (with a trailing slash, as Teams sends it).</summary>
    public string ServiceUrl => ServiceUrlOf("amer");

    /// <summary>The service URL of another region of the same fake connector, for a tenant whose service URL moves.</summary>
    public string ServiceUrlOf(string region) => $"{BaseUrl}/{region}/";

    public string TokenEndpoint => BaseUrl + "/botframework.com/oauth2/v2.0/token";

    public int TokenRequests { get; private set; }
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Conversations that answer 403 MessageWritesBlocked to every send.</summary>
    public ConcurrentDictionary<string, bool> Blocked { get; } = new();

    /// <summary>Personal conversation creation fails (the app is not installed for the person).</summary>
    public bool RefuseConversations { get; set; }

    public IReadOnlyList<ConnectorCall> Calls => calls.ToList();

    public IReadOnlyList<ConnectorCall> Sends => calls.Where(c => c.Path.Contains("/activities", StringComparison.Ordinal) && c.Status < 300).ToList();

    public static async Task<FakeConnector> StartAsync()
    {
        var fake = new FakeConnector();
        var web = Loopback.Builder().Build();
        web.MapPost("/botframework.com/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            fake.TokenRequests++;
            if (form["grant_type"] != "client_credentials" || form["scope"] != "https://api.botframework.com/.default" || string.IsNullOrEmpty(form["client_secret"]))
            {
                return Results.Json(new { error = "invalid_request" }, statusCode: 400);
            }

            return Results.Json(new { token_type = "Bearer", expires_in = fake.TokenLifetimeSeconds, access_token = $"token-{fake.TokenRequests}" });
        });
        web.MapMethods("/{region}/v3/{**rest}", ["POST", "PUT"], (Delegate)fake.AnswerAsync);
        (fake.app, fake.BaseUrl) = await Loopback.StartAsync(web);
        return fake;
    }

    /// <summary>The next calls are answered like this, in order.</summary>
    public void Script(int status, string? body = null, string? retryAfter = null) => script.Enqueue(new ScriptedAnswer(status, body, retryAfter));

    /// <summary>Waits until <paramref name="count"/> sends were recorded.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForSendsAsync(int count, TimeSpan? timeout = null)
    {
        var until = clock.Elapsed + (timeout ?? TimeSpan.FromSeconds(15));
        while (Sends.Count < count && clock.Elapsed < until)
        {
            await Task.Delay(20);
        }

        return Sends;
    }

    private async Task<IResult> AnswerAsync(HttpContext http, string region)
    {
        var request = http.Request;
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        var path = request.Path.Value![(region.Length + 1)..];
        var decoded = Uri.UnescapeDataString(path);
        JsonNode? json = null;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
        }

        (int Status, object? Answer, string? RetryAfter) result;
        if (script.TryDequeue(out var scripted))
        {
            result = (scripted.Status, scripted.Body is null ? null : JsonNode.Parse(scripted.Body), scripted.RetryAfter);
        }
        else if (decoded == "/v3/conversations")
        {
            result = RefuseConversations
                ? (403, JsonNode.Parse("""{"error":{"code":"Forbidden","message":"Bot is not installed in user's personal scope"}}"""), null)
                : (201, new { id = "a:personal-" + json?["members"]?[0]?["id"]?.GetValue<string>() }, null);
        }
        else if (Blocked.Keys.Any(b => decoded.StartsWith($"/v3/conversations/{b}/", StringComparison.Ordinal)))
        {
            result = (403, JsonNode.Parse("""{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked"}}"""), null);
        }
        else
        {
            result = (200, new { id = $"activity-{Interlocked.Increment(ref nextId)}" }, null);
        }

        calls.Enqueue(new ConnectorCall(request.Method, decoded, json, request.Headers.Authorization.ToString(), result.Status, clock.Elapsed, region));
        if (result.RetryAfter is not null)
        {
            http.Response.Headers.RetryAfter = result.RetryAfter;
        }

        return result.Answer is null ? Results.StatusCode(result.Status) : Results.Json(result.Answer, statusCode: result.Status);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private sealed record ScriptedAnswer(int Status, string? Body, string? RetryAfter);
}

/// <summary>One call the fake connector received: method, unescaped path (after the region), body, Authorization header, answer, when, and the service URL's region.</summary>
public sealed record ConnectorCall(string Method, string Path, JsonNode? Body, string Authorization, int Status, TimeSpan At, string Region = "amer");
