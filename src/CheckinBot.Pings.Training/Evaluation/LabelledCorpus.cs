namespace CheckinBot.Pings.Evaluation;

/// <summary>One corpus file: its name, the VA names its header gives (<c># va: Ina</c>), and its rows.</summary>
/// <param name="Name">The file name without folder, e.g. "pings.blind3.tsv".</param>
/// <param name="VaNames">The names by which the corpus addresses the VA; read as mentions, as the bot does live.</param>
/// <param name="Samples">The labelled rows.</param>
public sealed record LabelledCorpus(string Name, IReadOnlyList<string> VaNames, IReadOnlyList<PingSample> Samples)
{
    /// <summary>Reads one corpus file.</summary>
    /// <exception cref="PingCorpusFormatException">The file is malformed.</exception>
    public static LabelledCorpus Load(string path)
    {
        var lines = File.ReadAllLines(path);
        return new LabelledCorpus(Path.GetFileName(path), PingCorpus.VaNamesOf(lines), PingCorpus.Parse(lines));
    }

    /// <summary>Reads every <c>*.tsv</c> of a folder, in ordinal order of their names.</summary>
    public static IReadOnlyList<LabelledCorpus> LoadFolder(string folder) =>
        [.. Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal).Select(Load)];
}
