using System.Diagnostics;
using System.Globalization;
using CheckinBot.Core.Pings;
using CheckinBot.Core.Pings.Evaluation;

namespace CheckinBot.Bench;

/// <summary>How fast the ping classifier reads messages: every row of the given corpora, many passes, one thread.</summary>
internal static class ClassifierBench
{
    public static void Run(IReadOnlyList<string> corpora)
    {
        var texts = corpora.SelectMany(file => PingCorpus.Parse(File.ReadLines(file))).Select(s => s.Text).ToArray();
        var classifier = new PingClassifier();
        string[] names = ["Ina"];
        Console.WriteLine($"Classifying {texts.Length:N0} messages from {corpora.Count} corpora …");

        for (var i = 0; i < 3; i++)
        {
            Pass(classifier, texts, names); // warm-up: JIT, tiered compilation
        }

        const int passes = 20;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < passes; i++)
        {
            Pass(classifier, texts, names);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var messages = (double)texts.Length * passes;
        Console.WriteLine($"mean per message:   {(elapsed.TotalMicroseconds / messages).ToString("F1", CultureInfo.InvariantCulture)} µs");
        Console.WriteLine($"messages per second: {(messages / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture)} (one thread)");
        Console.WriteLine($"allocated per message: {(allocated / messages / 1024).ToString("F1", CultureInfo.InvariantCulture)} KiB");
    }

    private static void Pass(PingClassifier classifier, string[] texts, string[] names)
    {
        foreach (var text in texts)
        {
            classifier.Classify(text, names: names);
        }
    }
}
