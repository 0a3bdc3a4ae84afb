using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CheckinBot.Slack.WebApi;

/// <summary>
/// Spaces posts to one channel at least <see cref="SlackOptions.ChannelPostInterval"/> apart (Slack: about one a second),
/// and history lookups in one workspace <see cref="SlackOptions.LookupInterval"/> apart.
/// </summary>
public sealed class ChannelPacer(IOptions<SlackOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Slot> slots = new(StringComparer.Ordinal);

    /// <summary>Waits until a post to <paramref name="channel"/> may go, and takes that turn.</summary>
    public Task WaitTurnAsync(string workspace, string channel, CancellationToken cancellationToken) =>
        WaitTurnAsync($"{workspace}/{channel}", options.Value.ChannelPostInterval, cancellationToken);

    /// <summary>Waits until a history lookup in <paramref name="workspace"/> may go (<see cref="SlackOptions.LookupInterval"/>), and takes that turn.</summary>
    public Task WaitLookupTurnAsync(string workspace, CancellationToken cancellationToken) =>
        WaitTurnAsync($"{workspace}/conversations.history", options.Value.LookupInterval, cancellationToken);

    private async Task WaitTurnAsync(string key, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        var slot = slots.GetOrAdd(key, _ => new Slot());
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
