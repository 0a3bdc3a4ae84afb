using System.Collections.Concurrent;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;

namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>
/// One chat platform shared by every node of a test: it keeps each post with its own time and finds posts by occurrence
/// key within a window, as Slack's history does (one lookup reads one conversation for any number of keys); its lookups
/// can be made to fail.
/// </summary>
public sealed class FakePlatform(TimeProvider clock)
{
    public const string Name = "fake";

    private int made;
    private int lookups;

    public ConcurrentQueue<(OutboundMessage Message, string Id, DateTimeOffset At)> Posts { get; } = new();

    public IEnumerable<OutboundMessage> ChannelPosts => Posts.Select(p => p.Message).Where(m => m.To.DirectTo is null);

    public IEnumerable<OutboundMessage> DirectMessages => Posts.Select(p => p.Message).Where(m => m.To.DirectTo is not null);

    public int Lookups => Volatile.Read(ref lookups);

    public bool FailLookups { get; set; }

    public PostReceipt Post(OutboundMessage message)
    {
        var id = "m" + Interlocked.Increment(ref made);
        var at = clock.GetUtcNow();
        Posts.Enqueue((message, id, at));
        return new PostReceipt(id, at);
    }

    /// <summary>One read of a conversation's posts within the window: those that carry one of the keys, by key.</summary>
    public IReadOnlyDictionary<string, PostReceipt> FindMany(ChatAddress where, IReadOnlyCollection<string> occurrenceKeys, PostWindow window)
    {
        Interlocked.Increment(ref lookups);
        if (FailLookups)
        {
            throw new HttpRequestException("lookup refused");
        }

        return Posts.Where(p => p.Message.To.ConversationId == where.ConversationId && p.Message.OccurrenceKey is { } key && occurrenceKeys.Contains(key)
                && p.At >= window.From && p.At <= window.To)
            .GroupBy(p => p.Message.OccurrenceKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new PostReceipt(g.First().Id, g.First().At), StringComparer.Ordinal);
    }

    public PostReceipt? Find(string occurrenceKey, PostWindow window)
    {
        Interlocked.Increment(ref lookups);
        if (FailLookups)
        {
            throw new HttpRequestException("lookup refused");
        }

        return Posts.Where(p => p.Message.OccurrenceKey == occurrenceKey && p.At >= window.From && p.At <= window.To)
            .Select(p => new PostReceipt(p.Id, p.At))
            .FirstOrDefault();
    }
}
