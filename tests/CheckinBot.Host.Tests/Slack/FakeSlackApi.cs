using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace CheckinBot.Host.Tests.Slack;

/// <summary>A fake Slack Web API on loopback (Kestrel, 127.0.0.1, port 0) that records the calls the bot makes.</summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(string Method, JsonObject Body)> calls = new();
    private readonly Dictionary<string, (string Name, string Tz, string Locale)> users = new()
    {
        ["UVA00001"] = ("Maria", "Asia/Manila", "en-US"),
        ["UCLIENT01"] = ("Pieter", "Europe/Brussels", "nl-BE"),
    };

    private long ts = 1767600000_000100;
    private int throttled;
    private volatile TaskCompletionSource open = Opened();

    private FakeSlackApi(WebApplication app)
    {
        this.app = app;
    }

    public string BaseUrl => app.Urls.First() + "/api/";

    public IReadOnlyList<(string Method, JsonObject Body)> Calls => calls.ToArray();

    public IEnumerable<JsonObject> Posts(string channel) =>
        Calls.Where(c => c.Method == "chat.postMessage" && c.Body["channel"]?.ToString() == channel).Select(c => c.Body);

    /// <summary>From now on every Web API call is recorded but not answered until <see cref="Release"/>.</summary>
    public void Hold() => open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answers the held calls and all later ones.</summary>
    public void Release() => open.TrySetResult();

    /// <summary>The next <paramref name="times"/> Web API calls are answered 429 with <c>Retry-After: 1</c>.</summary>
    public void Throttle(int times) => Interlocked.Exchange(ref throttled, times);

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.MapPost("/api/{method}", fake.AnswerAsync);
        await app.StartAsync();
        return fake;
    }

    private async Task<IResult> AnswerAsync(HttpContext http, string method)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync();
        var body = http.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true
            ? JsonNode.Parse(text)!.AsObject()
            : new JsonObject(QueryHelpers.ParseQuery(text).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value.ToString()))));
        calls.Enqueue((method, body));
        await open.Task.WaitAsync(http.RequestAborted);
        if (Interlocked.Decrement(ref throttled) >= 0)
        {
            http.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (http.Request.Headers.Authorization != "Bearer xoxb-e2e-token")
        {
            return Results.Json(new { ok = false, error = "invalid_auth" });
        }

        return method switch
        {
            "chat.postMessage" => Results.Json(new { ok = true, channel = body["channel"]?.ToString(), ts = NextTs() }),
            "chat.postEphemeral" => Results.Json(new { ok = true, message_ts = NextTs() }),
            "conversations.open" => Results.Json(new { ok = true, channel = new { id = "D" + body["users"] } }),
            "conversations.history" => Results.Json(new { ok = true, messages = Array.Empty<object>() }),
            "reactions.add" => Results.Json(new { ok = true }),
            "users.info" when users.TryGetValue(body["user"]?.ToString() ?? "", out var u) => Results.Json(new
            {
                ok = true,
                user = new { id = body["user"]?.ToString(), name = u.Name, tz = u.Tz, locale = u.Locale, is_bot = false, profile = new { display_name = u.Name, real_name = u.Name } },
            }),
            "users.info" => Results.Json(new { ok = false, error = "user_not_found" }),
            _ => Results.Json(new { ok = false, error = "unknown_method" }),
        };
    }

    private static TaskCompletionSource Opened()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }

    private string NextTs()
    {
        var next = Interlocked.Increment(ref ts);
        return (next / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (next % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
