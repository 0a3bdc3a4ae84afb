using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Testing.Slack;

/// <summary>
/// Slack's Web API on loopback, the one fake Slack of the tests: Kestrel on 127.0.0.1 (port 0), HTTP/1.1 with keep-alive,
/// chunked bodies both ways. It records every call and answers the methods the bot uses as Slack does
/// (<c>chat.postMessage</c> with metadata, <c>chat.postEphemeral</c>, <c>chat.update</c>, <c>conversations.open</c>,
/// <c>conversations.history</c> within <c>oldest</c>/<c>latest</c>, <c>users.info</c>, <c>auth.test</c>,
/// <c>oauth.v2.access</c>, <c>reactions.add</c>, <c>apps.connections.open</c>), takes the commands' <c>response_url</c>
/// posts, and serves Socket Mode. It can be told to answer 429 with <c>Retry-After</c> or <c>ok:false</c>, to hold every
/// call, and (<see cref="FakeSlackOptions"/>) to answer posts slowly. Several nodes share one instance, each on its own
/// base URL (<see cref="ApiBaseUrlFor"/>), so every post is known by the node that made it.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakeSlackOptions options;
    private readonly SlackChannels channels;
    private readonly ConcurrentQueue<FakeSlackCall> calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> scripted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> profiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> historyCalls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JsonObject> responses = new();
    private readonly ConcurrentQueue<string> responseHooks = new();
    private readonly object sockets = new();
    private volatile TaskCompletionSource open = Opened();
    private int rateLimited;
    private int openSockets;

    private FakeSlack(WebApplication app, FakeSlackOptions options)
    {
        this.app = app;
        this.options = options;
        channels = new SlackChannels(options.Clock);
    }

    /// <summary>The base URL the bot is given (<c>Slack:ApiBaseUrl</c>), ending in <c>/api/</c>.</summary>
    public string ApiBaseUrl => Root + "/api/";

    /// <summary>Every call, in the order it arrived (none when <see cref="FakeSlackOptions.KeepCalls"/> is off).</summary>
    public IReadOnlyList<FakeSlackCall> Calls => calls.ToArray();

    /// <summary>A slash command's <c>response_url</c> on this fake, like <c>https://hooks.slack.com/commands/…</c>.</summary>
    public string ResponseUrl => ResponseUrlFor("T0CHECKIN-1-hook");

    /// <summary>The hooks (the last part of the <c>response_url</c>) the bot posted to, in order.</summary>
    public IReadOnlyList<string> ResponseHooks => responseHooks.ToArray();

    /// <summary>What the bot posted to the <c>response_url</c>s.</summary>
    public IReadOnlyList<JsonObject> Responses => responses.ToArray();

    /// <summary>The most Socket Mode connections that were open at the same time.</summary>
    public int PeakSockets { get; private set; }

    public int SocketsOpened { get; private set; }

    /// <summary>The Socket Mode connections open right now.</summary>
    public int OpenSockets => Volatile.Read(ref openSockets);

    /// <summary>Called with each Socket Mode connection: lets a test send frames and read the acknowledgements.</summary>
    public Func<FakeSocket, Task>? OnSocket { get; set; }

    private string Root => app.Urls.First();

    public static async Task<FakeSlack> StartAsync(FakeSlackOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app, options ?? new FakeSlackOptions());
        app.UseWebSockets();
        app.MapPost("/api/{method}", (HttpContext http, string method) => fake.AnswerAsync(http, null, method));
        app.MapPost("/{node}/api/{method}", fake.AnswerAsync);
        app.MapPost("/commands/{hook}", fake.TakeResponseAsync);
        app.Map("/socket", fake.SocketAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>The base URL one node of several is given: its calls and posts are recorded with <paramref name="node"/>.</summary>
    public string ApiBaseUrlFor(string node) => $"{Root}/{node}/api/";

    /// <summary>Another command's <c>response_url</c> on this fake, told apart by <paramref name="hook"/>.</summary>
    public string ResponseUrlFor(string hook) => $"{Root}/commands/{hook}";

    public IEnumerable<FakeSlackCall> CallsTo(string method) => Calls.Where(c => c.Method == method);

    /// <summary>The messages in one channel (or direct conversation), in the order they arrived.</summary>
    public IReadOnlyList<SlackPost> PostsIn(string channel) => channels.In(channel);

    /// <summary>The posts that carried an occurrence key, in the order they arrived.</summary>
    public IReadOnlyCollection<SlackPost> PostsOf(string occurrenceKey) => channels.Of(occurrenceKey);

    /// <summary>How many posts carried this occurrence key.</summary>
    public int CountOf(string occurrenceKey) => channels.CountOf(occurrenceKey);

    /// <summary>How many <c>conversations.history</c> calls the nodes whose names start with <paramref name="prefix"/> made.</summary>
    public int HistoryCallsBy(string prefix) =>
        historyCalls.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value);

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
        Script(method, http => RateLimitedAsync(http, retryAfterSeconds));

    /// <summary>The next <paramref name="calls"/> calls, whatever their method, answer 429 with <c>Retry-After: 1</c>.</summary>
    public void RateLimitNextCalls(int calls) => Interlocked.Exchange(ref rateLimited, calls);

    /// <summary>The next call to <paramref name="method"/> answers <c>ok:false</c> with <paramref name="error"/>.</summary>
    public void FailNext(string method, string error) =>
        Script(method, http => WriteAsync(http, new JsonObject { ["ok"] = false, ["error"] = error }));

    /// <summary>From now on every Web API call is recorded but not answered until <see cref="Release"/>.</summary>
    public void Hold() => open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answers the held calls and all later ones.</summary>
    public void Release() => open.TrySetResult();

    /// <summary>Stamps new messages (their <c>ts</c>) from <paramref name="at"/> on, a microsecond apart, whatever the clock says.</summary>
    public void SetClock(DateTimeOffset at) => channels.Pin(at);

    /// <summary>Adds <paramref name="count"/> messages from people to <paramref name="channel"/>, one a second from <paramref name="from"/>.</summary>
    public void AddChatter(string channel, int count, DateTimeOffset from)
    {
        for (var i = 0; i < count; i++)
        {
            channels.KeepAt(channel, $"message {i}", from.AddSeconds(i));
        }
    }

    private void Script(string method, Func<HttpContext, Task> answer) =>
        scripted.GetOrAdd(method, _ => new()).Enqueue(answer);

    private async Task AnswerAsync(HttpContext http, string? node, string method)
    {
        var call = await ReadAsync(http, node, method);
        if (options.KeepCalls)
        {
            calls.Enqueue(call);
        }

        await open.Task.WaitAsync(http.RequestAborted);
        if (Interlocked.Decrement(ref rateLimited) >= 0)
        {
            await RateLimitedAsync(http, 1);
            return;
        }

        if (scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var script))
        {
            await script(http);
            return;
        }

        if (options.BotToken is { } token && call.Token != token && method != "oauth.v2.access")
        {
            await WriteAsync(http, new JsonObject { ["ok"] = false, ["error"] = "invalid_auth" });
            return;
        }

        var answer = Answer(call, http);
        if (method == "chat.postMessage" && options.PostDelay > TimeSpan.Zero)
        {
            // The post is kept already; a sender that dies now never learns its ts.
            var jitter = options.PostJitter.Ticks * (Random.Shared.NextDouble() * 2 - 1);
            await Task.Delay(options.PostDelay + TimeSpan.FromTicks((long)jitter), http.RequestAborted);
        }

        await WriteAsync(http, answer);
    }

    private JsonObject Answer(FakeSlackCall call, HttpContext http)
    {
        static JsonObject Ok(JsonObject body)
        {
            body["ok"] = true;
            return body;
        }

        switch (call.Method)
        {
            case "chat.postMessage":
                var channel = call["channel"] ?? "";
                var post = channels.Keep(call.Node, channel, call["text"] ?? "", call.Json?["metadata"]?.DeepClone() as JsonObject);
                return Ok(new JsonObject { ["channel"] = channel, ["ts"] = post.Ts });
            case "chat.postEphemeral":
                return Ok(new JsonObject { ["message_ts"] = channels.Stamp() });
            case "chat.update":
            case "reactions.add":
                return Ok([]);
            case "conversations.open":
                return Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = "D" + call["users"] } });
            case "conversations.history":
                historyCalls.AddOrUpdate(call.Node ?? "", 1, (_, n) => n + 1);
                return channels.History(call);
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

    private async Task<IResult> TakeResponseAsync(HttpRequest request, string hook)
    {
        responseHooks.Enqueue(hook);
        responses.Enqueue((await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted))!.AsObject());
        return Results.Ok();
    }

    private static async Task<FakeSlackCall> ReadAsync(HttpContext http, string? node, string method)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        var auth = http.Request.Headers.Authorization.ToString();
        var token = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : null;
        if (http.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            return new FakeSlackCall(method, token, JsonNode.Parse(text)?.AsObject(), new Dictionary<string, string>()) { Node = node };
        }

        var form = QueryHelpers.ParseQuery(text).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        return new FakeSlackCall(method, token, null, form) { Node = node };
    }

    private static async Task RateLimitedAsync(HttpContext http, int retryAfterSeconds)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await WriteAsync(http, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" });
    }

    /// <summary>Without a Content-Length: Kestrel sends the answer chunked, on a connection that stays open.</summary>
    private static Task WriteAsync(HttpContext http, JsonObject answer)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(answer.ToJsonString(), http.RequestAborted);
    }

    private async Task SocketAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        lock (sockets)
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
            lock (sockets)
            {
                openSockets--;
            }
        }
    }

    private static TaskCompletionSource Opened()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
