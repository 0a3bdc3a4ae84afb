using System.Diagnostics;
using System.Runtime.InteropServices;

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
    /// The requests are started by a thread of their own that sleeps until each one is due (<see cref="WaitUntil"/>).
    /// Awaiting <c>Task.Delay(1)</c> on the thread pool started them up to 4-5 ms late at the 99th percentile, even with
    /// the generator alone on a processor (<c>--split-cores</c>), which was most of either system's p99. Each send starts
    /// on that thread and goes on asynchronously. The generator's own garbage collector is held off for the phase
    /// (<see cref="GeneratorGcHold"/>).
    /// </remarks>
    public static async Task<Tally> OpenAsync(string system, int perSecond, TimeSpan duration, Send send)
    {
        var tally = new Tally(system);
        var total = (long)(perSecond * duration.TotalSeconds);
        var running = new List<Task>((int)total);
        var hold = GeneratorGcHold.Enter(total);
        try
        {
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
        }
        finally
        {
            hold.Dispose();
        }

        tally.Elapsed = duration;
        tally.GeneratorGc = hold.Outcome;
        return tally;

        async Task SendOneAsync(long seq, long planned) => tally.Add(await send(seq, planned), planned);
    }

    /// <summary>
    /// Sleeps until the moment has come. On Linux the kernel wakes the thread at that very moment (an absolute
    /// <c>clock_nanosleep</c> on the monotonic clock that <see cref="Stopwatch"/> reads), about 0.1 ms late, without
    /// holding a processor. Until session 17 the pacer yielded the processor in a loop for the last two milliseconds:
    /// at 1,000 requests a second that held one of the machine's two cores, 1.2 ms of the generator's CPU a request
    /// against 0.4 ms sleeping, and the systems measured ran on what was left. Elsewhere, or should the call fail, it still does.
    /// </summary>
    private static void WaitUntil(long timestamp)
    {
        if (OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000)
        {
            var at = new Timespec { Seconds = timestamp / 1_000_000_000, Nanoseconds = timestamp % 1_000_000_000 };
            int error;
            while ((error = ClockNanosleep(MonotonicClock, AbsoluteTime, ref at, IntPtr.Zero)) == Interrupted)
            {
            }

            if (error == 0)
            {
                return;
            }
        }

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

    private const int MonotonicClock = 1; // CLOCK_MONOTONIC
    private const int AbsoluteTime = 1; // TIMER_ABSTIME
    private const int Interrupted = 4; // EINTR: clock_nanosleep returns the error number itself

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // a blittable signature: DllImport needs no generated marshalling, and the bench no unsafe code
    [DllImport("libc", EntryPoint = "clock_nanosleep")]
    private static extern int ClockNanosleep(int clock, int flags, ref Timespec request, IntPtr remaining);
#pragma warning restore SYSLIB1054
}
