using System.Collections.Concurrent;
using CheckinBot.Core.Clock;

namespace CheckinBot.Slack.Delivery;

/// <summary>
/// The <c>response_url</c> of each person's latest slash command in each channel. Slack takes up to five posts there
/// within 30 minutes, even in a channel the bot is not a member of: the way to answer someone who runs <c>/checkin</c>
/// in a channel the bot was never invited to. Slack shows what is posted there only to the person who ran the command,
/// so a reply meant for one person only ever leaves through that person's own <c>response_url</c>.
/// </summary>
/// <remarks>
/// Commands are remembered in the order they came, so the ones past their half hour (or beyond
/// <paramref name="capacity"/>, the oldest first) are forgotten from the front at a constant cost per command: no
/// command pays for a walk over all the others. The order is never peeked into: a peeked queue can no longer reuse its
/// slots, and took a fresh one for every command, in segments growing to large-object arrays. The oldest command is
/// taken out of the queue instead and held aside until it is due to be forgotten.
/// </remarks>
public sealed class SlackResponseUrls(WallClock clock, int capacity = SlackResponseUrls.DefaultCapacity)
{
    /// <summary>
    /// How many commands are kept in order at most: about 30 MB when each is another person's in another channel; a
    /// person's earlier commands in a channel cost only their place in the order (three shared names, a number, a time).
    /// </summary>
    public const int DefaultCapacity = 100_000;

    private const int MaxUses = 5;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<(string Team, string Channel, string User), Entry> byPerson = new();
    private readonly ConcurrentDictionary<(string Team, string Channel), string> latestUser = new();
    private readonly ConcurrentQueue<Ordered> order = new();
    private readonly Lock forgetting = new();
    private long lastId;

    /// <summary>The oldest command, taken out of the order and not yet forgotten; only under <see cref="forgetting"/>.</summary>
    private Ordered? oldest;

    /// <summary>When <see cref="oldest"/> came, in ticks, or <see cref="long.MinValue"/> when none is held: read without the lock.</summary>
    private long oldestTicks = long.MinValue;

    /// <summary>How many people's addresses are remembered now.</summary>
    public int Count => byPerson.Count;

    /// <summary>
    /// Keeps the command's <c>response_url</c> when it is an absolute http(s) address. What is kept outlives many
    /// collections of the runtime's youngest generation, and a young collection's pause grows with what survives it, so
    /// a command leaves as little new behind as it can: the names of team, channel and person as they were first
    /// remembered, not the copies each command brings, and for a person already remembered in the channel nothing at
    /// all, the address copied into their entry. The order of commands holds only those names and the command's number
    /// and time, so an address superseded by the same person's next command is not kept until its turn to be forgotten.
    /// </summary>
    public void Remember(string team, string channel, string user, string? responseUrl)
    {
        if (Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
        {
            Keep(team, channel, user, responseUrl!);
        }
    }

    /// <summary>
    /// The same for an address already parsed (a slash command's, read once as it came): what is kept is its
    /// <see cref="Uri.AbsoluteUri"/>, which the address computes once.
    /// </summary>
    public void Remember(string team, string channel, string user, Uri responseUrl)
    {
        if (responseUrl.IsAbsoluteUri && responseUrl.Scheme is "https" or "http")
        {
            Keep(team, channel, user, responseUrl.AbsoluteUri);
        }
    }

    private void Keep(string team, string channel, string user, string responseUrl)
    {
        var now = clock.GetUtcNow();
        var id = Interlocked.Increment(ref lastId);
        while (true)
        {
            var entry = byPerson.GetOrAdd((team, channel, user), static key => new Entry(key));
            lock (entry)
            {
                if (entry.Forgotten)
                {
                    continue;
                }

                entry.Set(responseUrl, now, id);
            }

            latestUser[(entry.Key.Team, entry.Key.Channel)] = entry.Key.User;
            order.Enqueue(new Ordered(entry.Key, id, now));
            ForgetOld(now);
            return;
        }
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

        while (byPerson.TryGetValue((team, channel, user), out var entry))
        {
            lock (entry)
            {
                if (entry.Forgotten)
                {
                    continue;
                }

                if (entry.Uses >= MaxUses || clock.GetUtcNow() - entry.At > Lifetime)
                {
                    return null;
                }

                entry.Uses++;
                return (new Uri(entry.Url, UriKind.Absolute), entry.Key.User);
            }
        }

        return null;
    }

    /// <summary>Forgets, from the oldest, the commands past their lifetime and those beyond the capacity.</summary>
    private void ForgetOld(DateTimeOffset now)
    {
        var held = Volatile.Read(ref oldestTicks);
        if (held != long.MinValue && now.UtcTicks - held <= Lifetime.Ticks && order.Count < capacity)
        {
            return;
        }

        lock (forgetting)
        {
            while (oldest is { } first || order.TryDequeue(out first))
            {
                if (now - first.At <= Lifetime && order.Count < capacity)
                {
                    oldest = first;
                    Volatile.Write(ref oldestTicks, first.At.UtcTicks);
                    return;
                }

                oldest = null;
                Forget(first.Key, first.Id);
            }

            Volatile.Write(ref oldestTicks, long.MinValue);
        }
    }

    /// <summary>Forgets a person's address unless they ran a command again since (a later command stands).</summary>
    private void Forget((string Team, string Channel, string User) key, long id)
    {
        if (!byPerson.TryGetValue(key, out var entry))
        {
            return;
        }

        lock (entry)
        {
            if (entry.Id != id || entry.Forgotten)
            {
                return;
            }

            entry.Forgotten = true;
            byPerson.TryRemove(KeyValuePair.Create(key, entry));
            latestUser.TryRemove(KeyValuePair.Create((key.Team, key.Channel), key.User));
        }
    }

    /// <summary>
    /// A person's latest command in a channel: one object for as long as they are remembered, used under its own lock.
    /// The first command's address is kept as it came; each later one is copied into a buffer of the entry's own, so
    /// that a command of someone already remembered allocates nothing that could outlive a young collection. Once
    /// forgotten it is never used again: a command that finds it so takes a new one.
    /// </summary>
    private sealed class Entry((string Team, string Channel, string User) key)
    {
        private string? address;
        private char[] copy = [];
        private int length;

        public (string Team, string Channel, string User) Key { get; } = key;

        public DateTimeOffset At { get; private set; }

        public long Id { get; private set; }

        public int Uses { get; set; }

        public bool Forgotten { get; set; }

        public string Url => address ?? new string(copy, 0, length);

        public void Set(string url, DateTimeOffset at, long id)
        {
            if (Id == 0)
            {
                address = url;
            }
            else
            {
                if (url.Length > copy.Length)
                {
                    copy = new char[url.Length];
                }

                url.CopyTo(copy);
                length = url.Length;
                address = null;
            }

            At = at;
            Id = id;
            Uses = 0;
        }
    }

    /// <summary>A command's place in the order: the names it was remembered under, its number and its time.</summary>
    private readonly record struct Ordered((string Team, string Channel, string User) Key, long Id, DateTimeOffset At);
}
