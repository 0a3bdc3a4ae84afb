using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Evaluation;

/// <summary>One corpus file: its name, the VA names its header gives (<c># va: Ina</c>), its rows, and the VA's open tasks its header gives (<c># tasks: A; B</c>).</summary>
/// <param name="Name">The file name without folder, e.g. "pings.blind3.tsv".</param>
/// <param name="VaNames">The names by which the corpus addresses the VA; read as mentions, as the bot does live.</param>
/// <param name="Samples">The labelled rows.</param>
/// <param name="OpenTasks">The titles of the VA's open tasks while the messages were written; empty when the header names none (the corpus is not task-aware).</param>
/// <param name="InSendOrder">The header says the rows are in the order the messages were sent (<c># order: as sent</c>): each row follows the one before it.</param>
public sealed record LabelledCorpus(string Name, IReadOnlyList<string> VaNames, IReadOnlyList<PingSample> Samples, IReadOnlyList<string> OpenTasks, bool InSendOrder = false)
{
    /// <summary>The open work the bot would know live, or null when the corpus names no open task.</summary>
    public OpenWork? OpenWork => OpenTasks.Count == 0 ? null : new OpenWork(OpenTasks);

    /// <summary>Reads one corpus file.</summary>
    /// <exception cref="PingCorpusFormatException">The file is malformed.</exception>
    public static LabelledCorpus Load(string path)
    {
        var lines = File.ReadAllLines(path);
        return new LabelledCorpus(Path.GetFileName(path), PingCorpus.VaNamesOf(lines), PingCorpus.Parse(lines), PingCorpus.OpenTasksOf(lines), PingCorpus.InSendOrderOf(lines));
    }

    /// <summary>Reads every <c>*.tsv</c> of a folder, in ordinal order of their names.</summary>
    public static IReadOnlyList<LabelledCorpus> LoadFolder(string folder) =>
        [.. Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal).Select(Load)];
}
