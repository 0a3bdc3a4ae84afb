using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace CheckinBot.Testing.Slack;

/// <summary>
/// What the channels of a <see cref="FakeSlack"/> hold, stamped as Slack stamps messages (<c>ts</c>: the arrival in
/// microseconds, unique and increasing), and read back as <c>conversations.history</c> pages them.
/// </summary>
internal sealed class SlackChannels(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, List<SlackPost>> channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SlackPost>> byKey = new(StringComparer.Ordinal);
    private readonly object stamping = new();
    private long lastMicros;
    private bool pinned;

    /// <summary>Keeps a message in its channel, stamped now, and returns it.</summary>
    public SlackPost Keep(string? node, string channel, string text, JsonObject? metadata)
    {
        var list = channels.GetOrAdd(channel, _ => []);
        SlackPost post;
        lock (list)
        {
            var (ts, at) = NextStamp();
            post = new SlackPost(node, channel, ts, at, text, metadata);
            list.Add(post);
        }

        if (post.OccurrenceKey is { } key)
        {
            byKey.GetOrAdd(key, _ => new ConcurrentQueue<SlackPost>()).Enqueue(post);
        }

        return post;
    }

    /// <summary>Keeps a person's message at <paramref name="at"/>, whatever the clock says.</summary>
    public void KeepAt(string channel, string text, DateTimeOffset at)
    {
        var list = channels.GetOrAdd(channel, _ => []);
        lock (list)
        {
            list.Add(new SlackPost(null, channel, Format(Micros(at)), at, text, null));
        }
    }

    /// <summary>From now on messages are stamped from <paramref name="at"/> on, a microsecond apart.</summary>
    public void Pin(DateTimeOffset at)
    {
        lock (stamping)
        {
            pinned = true;
            lastMicros = Micros(at);
        }
    }

    /// <summary>A fresh <c>ts</c> that keeps no message (as <c>chat.postEphemeral</c>'s <c>message_ts</c>).</summary>
    public string Stamp() => NextStamp().Ts;

    public IReadOnlyList<SlackPost> In(string channel)
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

    public IReadOnlyCollection<SlackPost> Of(string occurrenceKey) =>
        byKey.TryGetValue(occurrenceKey, out var found) ? found.ToArray() : [];

    public int CountOf(string occurrenceKey) => byKey.TryGetValue(occurrenceKey, out var found) ? found.Count : 0;

    /// <summary>
    /// One page of <c>conversations.history</c>: the channel's messages between <c>oldest</c> and <c>latest</c> (both
    /// included when <c>inclusive</c>), newest first, at most <c>limit</c> (Slack's default 100), with a cursor to the next
    /// page, and the metadata only when <c>include_all_metadata</c> asks for it.
    /// </summary>
    public JsonObject History(FakeSlackCall call)
    {
        var oldest = Number(call["oldest"], 0m);
        var latest = Number(call["latest"], decimal.MaxValue);
        var inclusive = call["inclusive"] is "true" or "1";
        var limit = (int)Math.Clamp(Number(call["limit"], 100m), 1m, 999m);
        var skip = int.TryParse(call["cursor"], NumberStyles.None, CultureInfo.InvariantCulture, out var cursor) ? cursor : 0;
        var withMetadata = call["include_all_metadata"] is "true" or "1";
        var window = In(call["channel"] ?? "")
            .Select(p => (Post: p, At: decimal.Parse(p.Ts, CultureInfo.InvariantCulture)))
            .Where(p => inclusive ? p.At >= oldest && p.At <= latest : p.At > oldest && p.At < latest)
            .OrderByDescending(p => p.At)
            .Select(p => p.Post)
            .ToList();
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
        var message = new JsonObject { ["type"] = "message", ["ts"] = post.Ts, ["text"] = post.Text };
        if (withMetadata && post.Metadata is { } metadata)
        {
            message["metadata"] = metadata.DeepClone();
        }

        return message;
    }

    private (string Ts, DateTimeOffset At) NextStamp()
    {
        lock (stamping)
        {
            lastMicros = pinned ? lastMicros + 1 : Math.Max(Micros(clock.GetUtcNow()), lastMicros + 1);
            return (Format(lastMicros), DateTimeOffset.UnixEpoch.AddTicks(lastMicros * 10));
        }
    }

    private static long Micros(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).Ticks / 10;

    private static string Format(long micros) =>
        (micros / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (micros % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    private static decimal Number(string? text, decimal fallback) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
