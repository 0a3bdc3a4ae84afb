using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CheckinBot.Bench.Peers;

/// <summary>
/// What a phase cost a system beyond its latencies, read before and after it (Linux): its context switches
/// (<see cref="ContextSwitches"/>), and for CheckinBot its runtime's own counters from <c>/metrics</c>
/// (collections, GC pause time, thread-pool threads and work items, lock contentions) and the server-side time from a
/// request's arrival to its acknowledgement (<c>checkinbot_ack_duration_seconds</c>). The load generator's own context
/// switches and processor time are read too, since it shares the cores. A system's thread that ends during the phase
/// takes its switches with it, so a system's switches are a lower bound; the generator's own count every thread.
/// </summary>
internal sealed class PhaseProbe
{
    private static readonly HttpClient Scraper = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly int pid;
    private readonly Uri? metrics;
    private readonly Snapshot before;
    private readonly Snapshot driverBefore;

    private readonly DriverGc driverGcBefore = DriverGc.Now();

    private PhaseProbe(int pid, Uri? metrics, Snapshot before, Snapshot driverBefore)
    {
        this.pid = pid;
        this.metrics = metrics;
        this.before = before;
        this.driverBefore = driverBefore;
    }

    public static async Task<PhaseProbe> StartAsync(int pid, Uri? metrics) =>
        new(pid, metrics, await ReadAsync(pid, metrics), await ReadAsync(Environment.ProcessId, null));

    /// <summary>One line per system and phase: everything per request sent, plus the server-side percentiles.</summary>
    public async Task<string> StopAsync(Tally tally)
    {
        var after = await ReadAsync(pid, metrics);
        var driverAfter = await ReadAsync(Environment.ProcessId, null);
        var driverGc = DriverGc.Now() - driverGcBefore;
        var sent = Math.Max(1, tally.Sent);
        var line = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"  {tally.System}: per request {(after.Voluntary - before.Voluntary) / (double)sent:F2} voluntary + {(after.Involuntary - before.Involuntary) / (double)sent:F2} involuntary context switches, {after.Threads} threads");
        if (metrics is not null)
        {
            string Delta(string name) => (after.Value(name) - before.Value(name)).ToString("N0", CultureInfo.InvariantCulture);
            line.Append(CultureInfo.InvariantCulture,
                $"; {Delta(Gen0)} gen0 / {Delta(Gen1)} gen1 / {Delta(Gen2)} gen2 collections, GC paused {(after.Value(Pause) - before.Value(Pause)) * 1000:N0} ms, " +
                $"{(after.Value(Allocated) - before.Value(Allocated)) / sent / 1024:F1} KB allocated and {(after.Value(WorkItems) - before.Value(WorkItems)) / sent:F1} pool work items a request, " +
                $"pool threads {after.Value(PoolThreads):N0}, {Delta(Contentions)} lock contentions; server-side (arrival to acknowledgement) {ServerSide(before, after)}");
        }

        line.Append(CultureInfo.InvariantCulture,
            $"; load generator: {(driverAfter.Cpu - driverBefore.Cpu).TotalMilliseconds / sent:F2} ms CPU and {(driverAfter.Voluntary + driverAfter.Involuntary - driverBefore.Voluntary - driverBefore.Involuntary) / (double)sent:F2} context switches a request, sends late p99 {tally.LatePercentile(0.99):F1} ms, " +
            $"its own GC {(tally.GeneratorGc is { } hold ? hold + ", " : "")}{driverGc.Collections:N0} collections ({driverGc.Gen2:N0} gen2) paused {driverGc.Paused.TotalMilliseconds:N0} ms, {driverGc.Allocated / sent / 1024.0:F1} KB allocated a request");
        return line.ToString();
    }

    private const string Gen0 = "system_runtime_dotnet_gc_collections{gc_heap_generation=\"gen0\"}";
    private const string Gen1 = "system_runtime_dotnet_gc_collections{gc_heap_generation=\"gen1\"}";
    private const string Gen2 = "system_runtime_dotnet_gc_collections{gc_heap_generation=\"gen2\"}";
    private const string Pause = "system_runtime_dotnet_gc_pause_time";
    private const string Allocated = "system_runtime_dotnet_gc_heap_total_allocated";
    private const string WorkItems = "system_runtime_dotnet_thread_pool_work_item_count";
    private const string PoolThreads = "system_runtime_dotnet_thread_pool_thread_count";
    private const string Contentions = "system_runtime_dotnet_monitor_lock_contentions";
    private const string AckBucket = "checkinbot_ack_duration_seconds_bucket{platform=\"slack\",endpoint=\"commands\",le=\"";

    /// <summary>The share of the phase's commands acknowledged within each bucket's bound, up to the first that holds 99.9 %.</summary>
    private static string ServerSide(Snapshot before, Snapshot after)
    {
        var buckets = after.Values.Keys.Where(key => key.StartsWith(AckBucket, StringComparison.Ordinal) && !key.Contains("+Inf", StringComparison.Ordinal))
            .Select(key => (Bound: double.Parse(key[AckBucket.Length..^2], CultureInfo.InvariantCulture), Key: key))
            .OrderBy(bucket => bucket.Bound)
            .ToList();
        var total = after.Value(AckBucket + "+Inf\"}") - before.Value(AckBucket + "+Inf\"}");
        if (total <= 0)
        {
            return "n/a";
        }

        var parts = new List<string>();
        foreach (var (bound, key) in buckets)
        {
            var share = (after.Value(key) - before.Value(key)) / total;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"≤{bound * 1000:0.#} ms {share * 100:F2} %"));
            if (share >= 0.999)
            {
                break;
            }
        }

        return string.Join(", ", parts);
    }

    private static async Task<Snapshot> ReadAsync(int pid, Uri? metrics)
    {
        var switches = ContextSwitches.Of(pid);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        if (metrics is not null)
        {
            try
            {
                foreach (var line in (await Scraper.GetStringAsync(metrics)).Split('\n'))
                {
                    var space = line.LastIndexOf(' ');
                    if (line.Length > 0 && line[0] != '#' && space > 0 &&
                        double.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    {
                        values[line[..space]] = value;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // No counters this time: the line says n/a.
            }
        }

        using var process = Process.GetProcessById(pid);
        return new Snapshot(switches.Voluntary, switches.Involuntary, switches.Threads, process.TotalProcessorTime, values);
    }

    /// <summary>
    /// The load generator's own collections and the time they paused it: a pause holds the sends due and the answers
    /// arriving, so it lengthens the latencies measured of either system alike.
    /// </summary>
    private readonly record struct DriverGc(int Collections, int Gen2, TimeSpan Paused, long Allocated)
    {
        public static DriverGc Now() => new(GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

        public static DriverGc operator -(DriverGc after, DriverGc before) =>
            new(after.Collections - before.Collections, after.Gen2 - before.Gen2, after.Paused - before.Paused, after.Allocated - before.Allocated);
    }

    private sealed record Snapshot(long Voluntary, long Involuntary, int Threads, TimeSpan Cpu, Dictionary<string, double> Values)
    {
        public double Value(string name) => Values.GetValueOrDefault(name);
    }
}
