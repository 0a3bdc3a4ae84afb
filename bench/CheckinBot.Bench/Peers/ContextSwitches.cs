using System.Globalization;
using System.Runtime.InteropServices;

namespace CheckinBot.Bench.Peers;

/// <summary>A process's context switches so far, and its live threads (Linux).</summary>
internal readonly record struct ContextSwitches(long Voluntary, long Involuntary, int Threads)
{
    /// <summary>
    /// This process's own switches come from <c>getrusage(RUSAGE_SELF)</c>, which keeps those of its ended threads;
    /// another process's are summed over its live threads.
    /// </summary>
    public static ContextSwitches Of(int pid)
    {
        var live = OfLiveThreads(pid);
        return pid == Environment.ProcessId && GetResourceUsage(ResourceUsageSelf, out var usage) == 0
            ? live with { Voluntary = usage.VoluntarySwitches, Involuntary = usage.InvoluntarySwitches }
            : live;
    }

    /// <summary>
    /// The sum over the threads alive now (<c>/proc/&lt;pid&gt;/task/*/status</c>): a thread that has ended takes its
    /// switches with it, so a difference of two readings is a lower bound.
    /// </summary>
    private static ContextSwitches OfLiveThreads(int pid)
    {
        long voluntary = 0, involuntary = 0;
        var threads = 0;
        var tasks = $"/proc/{pid}/task";
        if (!Directory.Exists(tasks))
        {
            return default;
        }

        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal))
                    {
                        voluntary += long.Parse(line.AsSpan(24).Trim(), CultureInfo.InvariantCulture);
                    }
                    else if (line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                    {
                        involuntary += long.Parse(line.AsSpan(27).Trim(), CultureInfo.InvariantCulture);
                    }
                }

                threads++;
            }
            catch (IOException)
            {
                // The thread ended while it was read: its switches are gone with it.
            }
        }

        return new ContextSwitches(voluntary, involuntary, threads);
    }

    private const int ResourceUsageSelf = 0; // RUSAGE_SELF

    /// <summary><c>struct rusage</c> on 64-bit Linux: two <c>timeval</c>s, then fourteen longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxResident, SharedText, UnsharedData, UnsharedStack, MinorFaults, MajorFaults, Swaps;
        public long BlockReads, BlockWrites, MessagesSent, MessagesReceived, Signals;
        public long VoluntarySwitches, InvoluntarySwitches;
    }

#pragma warning disable SYSLIB1054 // a blittable signature: DllImport needs no generated marshalling, and the bench no unsafe code
    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);
#pragma warning restore SYSLIB1054
}
