namespace CheckinBot.Host.Tests.Cluster;

/// <summary>The occurrences due in one minute, and what the fake Slack received of them.</summary>
public sealed class Burst(FakeSlack slack, DateTimeOffset due, IReadOnlyList<string> keys)
{
    public DateTimeOffset Due => due;

    public IReadOnlyList<string> Keys => keys;

    /// <summary>Every post of the burst, doubles included, in the order they arrived per occurrence.</summary>
    public IReadOnlyList<SlackPost> Posts() => keys.SelectMany(slack.PostsOf).ToList();

    /// <summary>How many of the occurrences were posted at least once.</summary>
    public int Posted() => keys.Count(k => slack.CountOf(k) > 0);

    public IReadOnlyList<string> Missing() => keys.Where(k => slack.CountOf(k) == 0).ToList();

    public IReadOnlyList<string> Doubled() => keys.Where(k => slack.CountOf(k) > 1).ToList();

    /// <summary>When the last occurrence got its first post, counted from the due minute.</summary>
    public TimeSpan? Completed() => Missing().Count > 0 ? null : keys.Max(k => slack.PostsOf(k).Min(p => p.At)) - due;

    /// <summary>
    /// The longest time from <paramref name="from"/> on in which no occurrence of the burst got its first post, up to the
    /// last one: how long the burst stood still (a dead node's claims waiting to be taken over) whatever the machine's speed.
    /// </summary>
    public TimeSpan LongestStandstillAfter(DateTimeOffset from)
    {
        var firsts = keys.Select(k => slack.PostsOf(k)).Where(p => p.Count > 0).Select(p => p.Min(x => x.At)).Where(at => at > from).Order().ToList();
        var longest = TimeSpan.Zero;
        var previous = from;
        foreach (var at in firsts)
        {
            longest = at - previous > longest ? at - previous : longest;
            previous = at;
        }

        return longest;
    }

    /// <summary>The node that made the latest post of the burst so far.</summary>
    public string? LatestPoster() => Posts().MaxBy(p => p.At)?.Node;

    /// <summary>The first whole minute of the wall clock after <paramref name="after"/>.</summary>
    public static DateTimeOffset NextWholeMinute(DateTimeOffset after) =>
        new DateTimeOffset(after.Year, after.Month, after.Day, after.Hour, after.Minute, 0, TimeSpan.Zero) + TimeSpan.FromMinutes(1);

    /// <summary>Polls until <paramref name="condition"/> holds or the wall clock passes <paramref name="deadline"/>; true when it held.</summary>
    public static Task<bool> WaitAsync(Func<bool> condition, DateTimeOffset deadline) => WaitAsync(() => Task.FromResult(condition()), deadline);

    /// <summary>Polls until <paramref name="condition"/> holds or the wall clock passes <paramref name="deadline"/>; true when it held.</summary>
    public static async Task<bool> WaitAsync(Func<Task<bool>> condition, DateTimeOffset deadline)
    {
        while (!await condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                return false;
            }

            await Task.Delay(200);
        }

        return true;
    }
}
