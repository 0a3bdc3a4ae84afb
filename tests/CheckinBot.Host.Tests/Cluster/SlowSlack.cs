using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Host.Tests.Cluster;

/// <summary>
/// A fake Slack Web API for several nodes at once: Kestrel on loopback, HTTP/1.1 with keep-alive and chunked answers.
/// Each node is given its own base URL (<c>/{node}/api/</c>), so every call is known by the node that made it.
/// <c>chat.postMessage</c> is kept the moment it arrives, as Slack keeps a post whose sender dies before the answer,
/// and answered after <see cref="PostLatency"/>; <c>conversations.history</c> answers from what was kept, newest first,
/// with metadata only when asked for, within <c>oldest</c>/<c>latest</c>, paged by <c>limit</c> and <c>cursor</c>.
/// </summary>
public sealed class SlowSlack : IAsyncDisposable
{
    public const string BotToken = "xoxb-cluster-token";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<SlackPost> posts = new();
    private readonly ConcurrentDictionary<string, List<SlackPost>> channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SlackPost>> byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> historyCalls = new(StringComparer.Ordinal);
    private readonly TimeProvider time = TimeProvider.System;
    private readonly object clock = new();
    private long lastTs;

    private SlowSlack(WebApplication app)
    {
        this.app = app;
    }

    /// <summary>How long <c>chat.postMessage</c> takes to answer: tens of milliseconds, like Slack under load.</summary>
    public TimeSpan PostLatency { get; init; } = TimeSpan.FromMilliseconds(40);

    public IReadOnlyCollection<SlackPost> Posts => posts.ToArray();

    /// <summary>The posts that carried an occurrence key, in the order they arrived.</summary>
    public IReadOnlyCollection<SlackPost> PostsOf(string occurrenceKey) =>
        byKey.TryGetValue(occurrenceKey, out var found) ? found.ToArray() : [];

    /// <summary>How many posts carried this occurrence key.</summary>
    public int CountOf(string occurrenceKey) => byKey.TryGetValue(occurrenceKey, out var found) ? found.Count : 0;

    /// <summary>The posts in one channel (or direct conversation), in the order they arrived.</summary>
    public IReadOnlyList<SlackPost> PostsIn(string channel)
    {
        if (!channels.TryGetValue(channel, out var list))
        {
            return [];
        }

        lock (list)
        {
            return [.. list];
        }
    }

    /// <summary>The base URL a node is configured with (<c>Slack:ApiBaseUrl</c>).</summary>
    public string BaseUrlFor(string node) => $"{app.Urls.First()}/{node}/api/";

    /// <summary>How many <c>conversations.history</c> calls the nodes whose names start with <paramref name="prefix"/> made.</summary>
    public int HistoryCallsBy(string prefix) => historyCalls.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value);

    public static async Task<SlowSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new SlowSlack(app);
        app.MapPost("/{node}/api/{method}", fake.AnswerAsync);
        await app.StartAsync();
        return fake;
    }

    private async Task AnswerAsync(HttpContext http, string node, string method)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        var body = http.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true
            ? JsonNode.Parse(text)!.AsObject()
            : new JsonObject(QueryHelpers.ParseQuery(text).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value.ToString()))));
        JsonObject answer;
        if (http.Request.Headers.Authorization != $"Bearer {BotToken}")
        {
            answer = new JsonObject { ["ok"] = false, ["error"] = "invalid_auth" };
        }
        else
        {
            answer = method switch
            {
                "chat.postMessage" => Post(node, body),
                "conversations.history" => History(node, body),
                "conversations.open" => new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + body["users"] } },
                "users.info" => new JsonObject { ["ok"] = false, ["error"] = "user_not_found" },
                _ => new JsonObject { ["ok"] = false, ["error"] = "unknown_method" },
            };
        }

        if (method == "chat.postMessage")
        {
            // The post is kept already; a sender that dies now never learns its ts.
            await Task.Delay(PostLatency + TimeSpan.FromMilliseconds(Random.Shared.Next(-10, 11)), http.RequestAborted);
        }

        // No Content-Length: Kestrel sends the answer chunked, on a connection that stays open.
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(answer.ToJsonString(), http.RequestAborted);
    }

    private JsonObject Post(string node, JsonObject body)
    {
        var channel = body["channel"]?.ToString() ?? "";
        var key = body["metadata"]?["event_payload"]?[CheckinBot.Slack.SlackPlatform.OccurrenceKeyField]?.ToString();
        var list = channels.GetOrAdd(channel, _ => []);
        SlackPost post;
        lock (list)
        {
            post = new SlackPost(node, channel, key, NextTs(out var at), at, body["text"]?.ToString() ?? "");
            list.Add(post);
        }

        posts.Enqueue(post);
        if (key is not null)
        {
            byKey.GetOrAdd(key, _ => new ConcurrentQueue<SlackPost>()).Enqueue(post);
        }

        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = post.Ts };
    }

    private JsonObject History(string node, JsonObject body)
    {
        historyCalls.AddOrUpdate(node, 1, (_, n) => n + 1);
        var channel = body["channel"]?.ToString() ?? "";
        var oldest = Number(body["oldest"], 0m);
        var latest = Number(body["latest"], decimal.MaxValue);
        var limit = (int)Math.Clamp(Number(body["limit"], 100m), 1m, 999m);
        var skip = int.TryParse(body["cursor"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var cursor) ? cursor : 0;
        var withMetadata = body["include_all_metadata"]?.ToString() is "true" or "1";
        List<SlackPost> window;
        var list = channels.GetOrAdd(channel, _ => []);
        lock (list)
        {
            window = list.Where(p => Ts(p.Ts) > oldest && Ts(p.Ts) < latest).OrderByDescending(p => Ts(p.Ts)).ToList();
        }

        var page = window.Skip(skip).Take(limit).Select(p => (JsonNode)Message(p, withMetadata)).ToArray();
        var more = skip + limit < window.Count;
        return new JsonObject
        {
            ["ok"] = true,
            ["messages"] = new JsonArray(page),
            ["has_more"] = more,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = more ? (skip + limit).ToString(CultureInfo.InvariantCulture) : "" },
        };
    }

    private static JsonObject Message(SlackPost post, bool withMetadata)
    {
        var message = new JsonObject { ["type"] = "message", ["ts"] = post.Ts, ["text"] = post.Text, ["bot_id"] = "BCHECKIN" };
        if (withMetadata && post.OccurrenceKey is { } key)
        {
            message["metadata"] = new JsonObject
            {
                ["event_type"] = CheckinBot.Slack.SlackPlatform.OccurrenceEventType,
                ["event_payload"] = new JsonObject { [CheckinBot.Slack.SlackPlatform.OccurrenceKeyField] = key },
            };
        }

        return message;
    }

    private static decimal Number(JsonNode? node, decimal fallback) =>
        decimal.TryParse(node?.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static decimal Ts(string ts) => decimal.Parse(ts, CultureInfo.InvariantCulture);

    /// <summary>Slack's <c>ts</c>: the arrival time in microseconds, unique and increasing.</summary>
    private string NextTs(out DateTimeOffset at)
    {
        lock (clock)
        {
            at = time.GetUtcNow();
            var micros = Math.Max((at - DateTimeOffset.UnixEpoch).Ticks / 10, lastTs + 1);
            lastTs = micros;
            return (micros / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (micros % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
