using System.Diagnostics;
using System.Globalization;
using CheckinBot.Core.Pings;
using CheckinBot.Pings;
using CheckinBot.Pings.Evaluation;

namespace CheckinBot.Bench;

/// <summary>
/// What the learned ping classifier costs: the model file's size, the time and working set that loading it adds, and
/// each classification timed on one thread (p50, p99, max) with the allocation per message, over every corpus row.
/// </summary>
internal static class ClassifierBench
{
    private const string ModelResource = "CheckinBot.Pings.ping-model.bin";

    public static void Run(IReadOnlyList<string> corpora)
    {
        var texts = corpora.SelectMany(file => PingCorpus.Parse(File.ReadLines(file))).Select(s => s.Text).ToArray();
        var c = CultureInfo.InvariantCulture;
        using (var model = typeof(LearnedPingClassifier).Assembly.GetManifestResourceStream(ModelResource))
        {
            Console.WriteLine(string.Create(c, $"model file:          {model?.Length / 1024.0 / 1024.0:F2} MB"));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSet = process.WorkingSet64;
        var cpu = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var classifier = LearnedPingClassifier.Load();
        var loaded = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        // Process CPU as well as wall time: on a loaded machine the wall time is mostly waiting for a core.
        var loadCpu = process.TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(c, $"load:                {loaded.TotalMilliseconds:F0} ms wall, {loadCpu.TotalMilliseconds:F0} ms process CPU, working set +{(process.WorkingSet64 - workingSet) / 1024.0 / 1024.0:F1} MB"));

        // A second load tells the work itself from the first use's JIT and library loading.
        started = Stopwatch.GetTimestamp();
        _ = LearnedPingClassifier.Load();
        Console.WriteLine(string.Create(c, $"load again (warm):   {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms"));

        var names = PingAddressees.Named(["Ina"]);
        Console.WriteLine(string.Create(c, $"Classifying {texts.Length:N0} messages from {corpora.Count} corpora, one thread …"));
        for (var i = 0; i < 3; i++)
        {
            foreach (var text in texts)
            {
                classifier.Classify(text, addressees: names); // warm-up: JIT, tiered compilation
            }
        }

        const int passes = 10;
        var timings = new double[texts.Length * passes];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var n = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var text in texts)
            {
                var start = Stopwatch.GetTimestamp();
                classifier.Classify(text, addressees: names);
                timings[n++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Array.Sort(timings);
        Console.WriteLine(string.Create(c, $"per message:         p50 {timings[n / 2]:F1} µs, p99 {timings[(int)(n * 0.99)]:F1} µs, max {timings[^1]:F0} µs, mean {timings.Average():F1} µs"));
        Console.WriteLine(string.Create(c, $"messages per second: {1e6 / timings.Average():N0} (one thread)"));
        Console.WriteLine(string.Create(c, $"allocated per message: {allocated / (double)n / 1024:F1} KiB"));
    }
}
