using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CheckinBot.Slack.WebApi;

/// <summary>Spaces posts to one channel at least <see cref="SlackOptions.ChannelPostInterval"/> apart (Slack: about one a second).</summary>
public sealed class ChannelPacer(IOptions<SlackOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Slot> slots = new(StringComparer.Ordinal);

    /// <summary>Waits until a post to <paramref name="channel"/> may go, and takes that turn.</summary>
    public async Task WaitTurnAsync(string workspace, string channel, CancellationToken cancellationToken)
    {
        var interval = options.Value.ChannelPostInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        var slot = slots.GetOrAdd($"{workspace}/{channel}", _ => new Slot());
        TimeSpan wait;
        lock (slot)
        {
            var now = time.GetUtcNow();
            var at = slot.Next > now ? slot.Next : now;
            slot.Next = at + interval;
            wait = at - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        if (slots.Count > 10_000)
        {
            Forget(time.GetUtcNow());
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, slot) in slots)
        {
            if (slot.Next < now)
            {
                slots.TryRemove(key, out _);
            }
        }
    }

    private sealed class Slot
    {
        public DateTimeOffset Next { get; set; }
    }
}
