using CheckinBot.Pings.Evaluation;

namespace CheckinBot.Pings.Tests;

/// <summary>The corpora of <c>src/CheckinBot.Pings/Corpora</c>, copied beside the test binaries.</summary>
internal static class Corpora
{
    private static readonly Lazy<IReadOnlyList<LabelledCorpus>> Loaded = new(() => LabelledCorpus.LoadFolder(Folder));

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Corpora");

    public static IReadOnlyList<LabelledCorpus> All => Loaded.Value;

    /// <summary>The writers' rounds of <c>Corpora/rounds.txt</c>, a list of set names each.</summary>
    public static IReadOnlyList<IReadOnlyCollection<string>> Rounds => LeaveOneCorpusOut.ReadRounds(File.ReadLines(Path.Combine(Folder, "rounds.txt")));
}
