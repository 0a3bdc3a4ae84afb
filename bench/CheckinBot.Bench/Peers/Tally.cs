using System.Collections.Concurrent;
using System.Diagnostics;

namespace CheckinBot.Bench.Peers;

/// <summary>The outcomes of one run against one system, with the latency of each answer (milliseconds from the planned send).</summary>
internal sealed class Tally(string system)
{
    private readonly ConcurrentBag<double> latencies = [];
    private readonly ConcurrentBag<double> lateness = [];
    private int answered, busy, refused, unanswered, failed, sent;

    public string System { get; } = system;

    public TimeSpan Elapsed { get; set; }

    /// <summary>The processor time the system used for the run (its backlog included): a cost per request that the machine's other load hardly changes.</summary>
    public TimeSpan Cpu { get; set; }

    /// <summary>Milliseconds of processor time per request sent; null when not measured.</summary>
    public double? CpuPerRequest => sent > 0 && Cpu > TimeSpan.Zero ? Cpu.TotalMilliseconds / sent : null;

    /// <summary>What became of the hold on the load generator's own collections (open loop); null when none was asked for.</summary>
    public string? GeneratorGc { get; set; }

    public int Sent => sent;

    public int Answered => answered;

    public int Busy => busy;

    public int Refused => refused;

    public int Unanswered => unanswered;

    public int Failed => failed;

    public double AnsweredPerSecond => Elapsed > TimeSpan.Zero ? answered / Elapsed.TotalSeconds : 0;

    public void Add(Outcome outcome, long plannedAt)
    {
        Interlocked.Increment(ref sent);
        switch (outcome.Kind)
        {
            case OutcomeKind.Answered:
                Interlocked.Increment(ref answered);
                latencies.Add(Stopwatch.GetElapsedTime(plannedAt, outcome.At).TotalMilliseconds);
                break;
            case OutcomeKind.Busy:
                Interlocked.Increment(ref busy);
                break;
            case OutcomeKind.Refused:
                Interlocked.Increment(ref refused);
                break;
            case OutcomeKind.Unanswered:
                Interlocked.Increment(ref unanswered);
                break;
            default:
                Interlocked.Increment(ref failed);
                break;
        }
    }

    /// <summary>How late the load generator sent a request after its planned moment (open loop), in milliseconds.</summary>
    public void AddLateness(double ms) => lateness.Add(ms);

    /// <summary>The lateness of the sends below which this fraction of them stayed; 0 when none was recorded (closed loop).</summary>
    public double LatePercentile(double fraction)
    {
        var sorted = lateness.ToArray();
        Array.Sort(sorted);
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>
    /// The latency below which this fraction of all sent requests was answered; anything not answered within the
    /// limit counts as slower than every answer, so this is null (more than the limit) when too few were answered.
    /// </summary>
    public double? Percentile(double fraction)
    {
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(fraction * sent) - 1;
        return sent == 0 || rank >= sorted.Length ? null : sorted[Math.Max(rank, 0)];
    }
}
