using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Slack.Tests.Support;

/// <summary>
/// A fake Slack Web API on loopback (real HTTP, Kestrel on 127.0.0.1, port 0): records every call, answers like Slack,
/// and can be told to answer a method with 429 or <c>ok:false</c>. Also serves Socket Mode WebSockets.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<FakeSlackCall> calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> scripted = new();
    private readonly ConcurrentDictionary<string, JsonObject> profiles = new();
    private readonly ConcurrentQueue<(FakeSlackCall Call, string Ts)> posts = new();
    private readonly ConcurrentQueue<JsonObject> responses = new();
    private readonly ConcurrentQueue<string> responseHooks = new();
    private long ts = 1767600000_000100;
    private int openSockets;

    private FakeSlack(WebApplication app)
    {
        this.app = app;
    }

    public string ApiBaseUrl { get; private set; } = "";

    public IReadOnlyList<FakeSlackCall> Calls => calls.ToArray();

    /// <summary>The most sockets that were open at the same time.</summary>
    public int PeakSockets { get; private set; }

    public int SocketsOpened { get; private set; }

    /// <summary>The sockets open right now.</summary>
    public int OpenSockets => Volatile.Read(ref openSockets);

    /// <summary>Called with each Socket Mode connection: lets a test send frames and read the acknowledgements.</summary>
    public Func<FakeSocket, Task>? OnSocket { get; set; }

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", fake.AnswerAsync);
        app.MapPost("/commands/{hook}", async (HttpRequest request, string hook) =>
        {
            fake.responseHooks.Enqueue(hook);
            fake.responses.Enqueue((await JsonNode.ParseAsync(request.Body))!.AsObject());
            return Results.Ok();
        });
        app.Map("/socket", fake.SocketAsync);
        await app.StartAsync();
        fake.ApiBaseUrl = app.Urls.First() + "/api/";
        return fake;
    }

    public IEnumerable<FakeSlackCall> CallsTo(string method) => Calls.Where(c => c.Method == method);

    /// <summary>A slash command's <c>response_url</c> on this fake, like <c>https://hooks.slack.com/commands/…</c>.</summary>
    public string ResponseUrl => ApiBaseUrl.Replace("/api/", "/commands/T0CHECKIN-1-hook", StringComparison.Ordinal);

    /// <summary>Another command's <c>response_url</c> on this fake, told apart by <paramref name="hook"/>.</summary>
    public string ResponseUrlFor(string hook) => ApiBaseUrl.Replace("/api/", "/commands/" + hook, StringComparison.Ordinal);

    /// <summary>The hooks (the last part of the <c>response_url</c>) the bot posted to, in order.</summary>
    public IReadOnlyList<string> ResponseHooks => responseHooks.ToArray();

    /// <summary>What the bot posted to <see cref="ResponseUrl"/>.</summary>
    public IReadOnlyList<JsonObject> Responses => responses.ToArray();

    /// <summary>The user's profile as <c>users.info</c> returns it.</summary>
    public void AddUser(string id, string name, string? tz, string? locale) =>
        profiles[id] = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["real_name"] = name,
            ["tz"] = tz,
            ["locale"] = locale,
            ["is_bot"] = false,
            ["profile"] = new JsonObject { ["display_name"] = name, ["real_name"] = name },
        };

    /// <summary>The next call to <paramref name="method"/> answers 429 with <c>Retry-After</c>.</summary>
    public void RateLimitNext(string method, int retryAfterSeconds) =>
        Script(method, async http =>
        {
            http.Response.StatusCode = 429;
            http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await http.Response.WriteAsync("{\"ok\":false,\"error\":\"ratelimited\"}");
        });

    /// <summary>The next call to <paramref name="method"/> answers <c>ok:false</c> with <paramref name="error"/>.</summary>
    public void FailNext(string method, string error) =>
        Script(method, http => http.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = false, ["error"] = error }));

    private void Script(string method, Func<HttpContext, Task> answer) =>
        scripted.GetOrAdd(method, _ => new()).Enqueue(answer);

    private async Task AnswerAsync(HttpContext http, string method)
    {
        var call = await ReadAsync(http, method);
        calls.Enqueue(call);
        if (scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var answer))
        {
            await answer(http);
            return;
        }

        await http.Response.WriteAsJsonAsync(Answer(call, http));
    }

    private JsonObject Answer(FakeSlackCall call, HttpContext http)
    {
        JsonObject Ok(JsonObject body)
        {
            body["ok"] = true;
            return body;
        }

        switch (call.Method)
        {
            case "chat.postMessage":
                var posted = NextTs();
                posts.Enqueue((call, posted));
                return Ok(new JsonObject { ["channel"] = call["channel"], ["ts"] = posted });
            case "chat.postEphemeral":
                return Ok(new JsonObject { ["message_ts"] = NextTs() });
            case "chat.update":
            case "reactions.add":
                return Ok([]);
            case "conversations.open":
                return Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = "D" + call["users"] } });
            case "conversations.history":
                return Ok(History(call));
            case "users.info":
                return profiles.TryGetValue(call["user"] ?? "", out var user)
                    ? Ok(new JsonObject { ["user"] = user.DeepClone() })
                    : new JsonObject { ["ok"] = false, ["error"] = "user_not_found" };
            case "auth.test":
                return Ok(new JsonObject { ["team_id"] = "T0CHECKIN", ["team"] = "Checkin Example", ["user_id"] = "UBOT0001", ["bot_id"] = "B0CHECKIN" });
            case "oauth.v2.access":
                return call["code"] == "good-code"
                    ? Ok(new JsonObject
                    {
                        ["access_token"] = "xoxb-installed-token",
                        ["token_type"] = "bot",
                        ["scope"] = "commands,chat:write",
                        ["bot_user_id"] = "UBOT0002",
                        ["app_id"] = "A0CHECKIN",
                        ["team"] = new JsonObject { ["id"] = "T0OTHER", ["name"] = "Other Team" },
                        ["enterprise"] = null,
                        ["authed_user"] = new JsonObject { ["id"] = "UINSTALLER" },
                    })
                    : new JsonObject { ["ok"] = false, ["error"] = "invalid_code" };
            case "apps.connections.open":
                return Ok(new JsonObject { ["url"] = $"ws://{http.Request.Host}/socket" });
            default:
                return new JsonObject { ["ok"] = false, ["error"] = "unknown_method" };
        }
    }

    /// <summary>
    /// What the channel holds, as Slack pages it: the bot's own posts (and seeded messages) between <c>oldest</c> and
    /// <c>latest</c>, newest first, with their metadata, at most <c>limit</c> a page (Slack's default 100), and a cursor
    /// to the next page.
    /// </summary>
    private JsonObject History(FakeSlackCall call)
    {
        var oldest = decimal.TryParse(call["oldest"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var o) ? o : 0m;
        var latest = decimal.TryParse(call["latest"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var l) ? l : decimal.MaxValue;
        var inclusive = call["inclusive"] == "true";
        var limit = int.TryParse(call["limit"], CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 999) : 100;
        var skip = int.TryParse(call["cursor"], CultureInfo.InvariantCulture, out var c) ? c : 0;
        var inWindow = posts
            .Where(p => p.Call["channel"] == call["channel"])
            .Select(p => (p.Call, p.Ts, At: decimal.Parse(p.Ts, CultureInfo.InvariantCulture)))
            .Where(p => inclusive ? p.At >= oldest && p.At <= latest : p.At > oldest && p.At < latest)
            .OrderByDescending(p => p.At)
            .ToList();
        var messages = new JsonArray();
        foreach (var (post, posted, _) in inWindow.Skip(skip).Take(limit))
        {
            messages.Add(new JsonObject
            {
                ["type"] = "message",
                ["text"] = post["text"],
                ["ts"] = posted,
                ["metadata"] = post.Json?["metadata"]?.DeepClone(),
            });
        }

        var more = skip + limit < inWindow.Count;
        return new JsonObject
        {
            ["messages"] = messages,
            ["has_more"] = more,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = more ? (skip + limit).ToString(CultureInfo.InvariantCulture) : "" },
        };
    }

    /// <summary>Moves the clock that stamps new messages (their <c>ts</c>) to <paramref name="at"/>.</summary>
    public void SetClock(DateTimeOffset at) =>
        Interlocked.Exchange(ref ts, (at - DateTimeOffset.UnixEpoch).Ticks / 10);

    /// <summary>Adds <paramref name="count"/> messages from people to <paramref name="channel"/>, one a second from <paramref name="from"/>.</summary>
    public void AddChatter(string channel, int count, DateTimeOffset from)
    {
        for (var i = 0; i < count; i++)
        {
            var at = (from.AddSeconds(i) - DateTimeOffset.UnixEpoch).Ticks / 10;
            var stamp = (at / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (at % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            posts.Enqueue((new FakeSlackCall("chat.postMessage", null, new JsonObject { ["channel"] = channel, ["text"] = $"message {i}" }, new Dictionary<string, string>()), stamp));
        }
    }

    private string NextTs()
    {
        var next = Interlocked.Increment(ref ts);
        return (next / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (next % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static async Task<FakeSlackCall> ReadAsync(HttpContext http, string method)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var auth = http.Request.Headers.Authorization.ToString();
        var token = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : null;
        if (http.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            return new FakeSlackCall(method, token, JsonNode.Parse(text)?.AsObject(), new Dictionary<string, string>());
        }

        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text).ToDictionary(p => p.Key, p => p.Value.ToString());
        return new FakeSlackCall(method, token, null, form);
    }

    private async Task SocketAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = 400;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        lock (calls)
        {
            openSockets++;
            SocketsOpened++;
            PeakSockets = Math.Max(PeakSockets, openSockets);
        }

        try
        {
            var fake = new FakeSocket(socket);
            await fake.SendAsync(new JsonObject { ["type"] = "hello", ["num_connections"] = 1 });
            if (OnSocket is { } onSocket)
            {
                await onSocket(fake);
            }

            await fake.DrainUntilClosedAsync();
        }
        finally
        {
            lock (calls)
            {
                openSockets--;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
