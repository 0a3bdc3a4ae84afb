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

    /// <remarks>
    /// The requests are started by a thread of their own that sleeps until about two milliseconds before each one is due
    /// and then yields until it is: awaiting <c>Task.Delay(1)</c> on the thread pool started them up to 4-5 ms late at
    /// the 99th percentile, even with the generator alone on a processor (<c>--split-cores</c>), which was most of
    /// either system's p99. Each send starts on that thread and goes on asynchronously.
    /// </remarks>
    public static async Task<Tally> OpenAsync(string system, int perSecond, TimeSpan duration, Send send)
    {
        var tally = new Tally(system);
        var total = (long)(perSecond * duration.TotalSeconds);
        var running = new List<Task>((int)total);
        var start = Stopwatch.GetTimestamp();
        var paced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pacer = new Thread(() =>
        {
            for (long seq = 0; seq < total; seq++)
            {
                var planned = start + (seq * Stopwatch.Frequency / perSecond);
                WaitUntil(planned);
                tally.AddLateness(Stopwatch.GetElapsedTime(planned).TotalMilliseconds);
                running.Add(SendOneAsync(seq, planned));
            }

            paced.SetResult();
        }) { IsBackground = true, Name = "open-loop pacer" };
        pacer.Start();
        await paced.Task;
        await Task.WhenAll(running);
        tally.Elapsed = duration;
        return tally;

        async Task SendOneAsync(long seq, long planned) => tally.Add(await send(seq, planned), planned);
    }

    /// <summary>Sleeps while the moment is more than two milliseconds away, then yields the processor until it comes.</summary>
    private static void WaitUntil(long timestamp)
    {
        var near = Stopwatch.Frequency / 500;
        for (var left = timestamp - Stopwatch.GetTimestamp(); left > 0; left = timestamp - Stopwatch.GetTimestamp())
        {
            if (left > near)
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.Yield();
            }
        }
    }
}
