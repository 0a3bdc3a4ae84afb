using System.Collections.Concurrent;
using CheckinBot.Core.Clock;

namespace CheckinBot.Slack.Delivery;

/// <summary>
/// The <c>response_url</c> of the latest slash command in each channel. Slack takes up to five posts there within
/// 30 minutes, even in a channel the bot is not a member of: the way to answer someone who runs <c>/checkin</c> in a
/// channel the bot was never invited to.
/// </summary>
public sealed class SlackResponseUrls(WallClock clock)
{
    private const int MaxUses = 5;
    private const int PruneAbove = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<(string Team, string Channel), Entry> latest = new();

    /// <summary>Keeps the command's <c>response_url</c> when it is an absolute http(s) address.</summary>
    public void Remember(string team, string channel, string user, string? responseUrl)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (latest.Count > PruneAbove)
        {
            foreach (var (key, entry) in latest)
            {
                if (now - entry.At > Lifetime)
                {
                    latest.TryRemove(key, out _);
                }
            }
        }

        latest[(team, channel)] = new Entry(url, user, now, 0);
    }

    /// <summary>A usable <c>response_url</c> for the channel and who ran the command, counting the use; null when none is left.</summary>
    public (Uri Url, string User)? Take(string team, string channel)
    {
        var key = (team, channel);
        while (latest.TryGetValue(key, out var entry))
        {
            if (entry.Uses >= MaxUses || clock.GetUtcNow() - entry.At > Lifetime)
            {
                return null;
            }

            if (latest.TryUpdate(key, entry with { Uses = entry.Uses + 1 }, entry))
            {
                return (entry.Url, entry.User);
            }
        }

        return null;
    }

    private sealed record Entry(Uri Url, string User, DateTimeOffset At, int Uses);
}
