using System.Collections.Concurrent;
using CheckinBot.Core.Clock;

namespace CheckinBot.Slack.Delivery;

/// <summary>
/// The <c>response_url</c> of each person's latest slash command in each channel. Slack takes up to five posts there
/// within 30 minutes, even in a channel the bot is not a member of: the way to answer someone who runs <c>/checkin</c>
/// in a channel the bot was never invited to. Slack shows what is posted there only to the person who ran the command,
/// so a reply meant for one person only ever leaves through that person's own <c>response_url</c>.
/// </summary>
public sealed class SlackResponseUrls(WallClock clock)
{
    private const int MaxUses = 5;
    private const int PruneAbove = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<(string Team, string Channel, string User), Entry> byPerson = new();
    private readonly ConcurrentDictionary<(string Team, string Channel), string> latestUser = new();

    /// <summary>Keeps the command's <c>response_url</c> when it is an absolute http(s) address.</summary>
    public void Remember(string team, string channel, string user, string? responseUrl)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (byPerson.Count > PruneAbove)
        {
            Prune(now);
        }

        byPerson[(team, channel, user)] = new Entry(url, now, 0);
        latestUser[(team, channel)] = user;
    }

    /// <summary>
    /// A usable <c>response_url</c> for a message in the channel, counting the use; null when none is left. A message
    /// for one person (<paramref name="onlyFor"/>) takes only that person's own; a message for the whole channel takes
    /// the latest command's.
    /// </summary>
    public (Uri Url, string User)? Take(string team, string channel, string? onlyFor)
    {
        var user = onlyFor ?? (latestUser.TryGetValue((team, channel), out var latest) ? latest : null);
        if (user is null)
        {
            return null;
        }

        var key = (team, channel, user);
        while (byPerson.TryGetValue(key, out var entry))
        {
            if (entry.Uses >= MaxUses || clock.GetUtcNow() - entry.At > Lifetime)
            {
                return null;
            }

            if (byPerson.TryUpdate(key, entry with { Uses = entry.Uses + 1 }, entry))
            {
                return (entry.Url, user);
            }
        }

        return null;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in byPerson)
        {
            if (now - entry.At > Lifetime)
            {
                byPerson.TryRemove(key, out _);
            }
        }

        foreach (var (key, user) in latestUser)
        {
            if (!byPerson.ContainsKey((key.Team, key.Channel, user)))
            {
                latestUser.TryRemove(key, out _);
            }
        }
    }

    private sealed record Entry(Uri Url, DateTimeOffset At, int Uses);
}
