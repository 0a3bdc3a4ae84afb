using CheckinBot.Core.Pings;
using CheckinBot.Core.Pings.Evaluation;

const string Usage = "usage: dotnet run --project tools/CheckinBot.PingEval -- <corpus.tsv> [--va <first name>]   (header: id<TAB>lang<TAB>label<TAB>text)";

// --va Ina: the VA's first name, which the bot knows in a live collaboration ("Ina??" reads as a mention).
string[]? names = null;
if (args.Length == 3 && args[1] == "--va" && args[2].Length > 0)
{
    names = [args[2]];
    args = args[..1];
}

if (args.Length != 1 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine(Usage);
    return 2;
}

IReadOnlyList<PingSample> samples;
try
{
    samples = PingCorpus.Parse(File.ReadLines(args[0]));
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or PingCorpusFormatException or ArgumentException or NotSupportedException)
{
    Console.Error.WriteLine($"{args[0]}: {e.Message}");
    Console.Error.WriteLine(Usage);
    return 2;
}

var report = PingEvaluation.Evaluate(samples, new PingClassifier(), names: names);
Console.Write(report.Format());
return 0;
