using System.Diagnostics;

namespace CheckinBot.Bench.Peers;

/// <summary>
/// Sends a numbered stream of requests: closed loop (a fixed number of senders, each waits for its outcome before the
/// next) to find the saturation rate, or open loop (a fixed rate whatever the answers do) to measure latency.
/// </summary>
internal static class LoadDriver
{
    /// <summary>Sends request number <c>seq</c>, planned at a Stopwatch timestamp, and says what became of it.</summary>
    public delegate Task<Outcome> Send(long seq, long plannedAt);

    public static async Task<Tally> ClosedAsync(string system, int concurrency, TimeSpan duration, Send send)
    {
        var tally = new Tally(system);
        long next = 0;
        var start = Stopwatch.GetTimestamp();
        var senders = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            while (Stopwatch.GetElapsedTime(start) < duration)
            {
                var seq = Interlocked.Increment(ref next);
                var at = Stopwatch.GetTimestamp();
                tally.Add(await send(seq, at), at);
            }
        });
        await Task.WhenAll(senders);
        tally.Elapsed = Stopwatch.GetElapsedTime(start);
        return tally;
    }

    public static async Task<Tally> OpenAsync(string system, int perSecond, TimeSpan duration, Send send)
    {
        var tally = new Tally(system);
        var total = (long)(perSecond * duration.TotalSeconds);
        var running = new List<Task>((int)total);
        var start = Stopwatch.GetTimestamp();
        for (long seq = 0; seq < total; seq++)
        {
            var planned = start + (seq * Stopwatch.Frequency / perSecond);
            while (Stopwatch.GetTimestamp() < planned)
            {
                await Task.Delay(1);
            }

            tally.AddLateness(Stopwatch.GetElapsedTime(planned).TotalMilliseconds);
            running.Add(SendOneAsync(seq, planned));
        }

        await Task.WhenAll(running);
        tally.Elapsed = duration;
        return tally;

        async Task SendOneAsync(long seq, long planned) => tally.Add(await send(seq, planned), planned);
    }
}
