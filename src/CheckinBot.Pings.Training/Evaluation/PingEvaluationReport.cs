using System.Globalization;
using System.Text;
using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Evaluation;

/// <summary>What <see cref="PingEvaluation"/> measured; <see cref="Format"/> prints it for people.</summary>
public sealed class PingEvaluationReport
{
    private static readonly PingClass[] Order = [PingClass.StatusCheck, PingClass.Urgent, PingClass.Other];

    internal PingEvaluationReport(IReadOnlyList<LanguageMetrics> languages, LanguageMetrics overall, IReadOnlyList<PingMisread> misreads, int languageAgrees)
    {
        Languages = languages;
        Overall = overall;
        Misreads = misreads;
        LanguageAgrees = languageAgrees;
    }

    /// <summary>Metrics per labelled language, in ordinal order of the language code.</summary>
    public IReadOnlyList<LanguageMetrics> Languages { get; }

    /// <summary>Metrics over all rows; its confusion matrix is the overall one.</summary>
    public LanguageMetrics Overall { get; }

    public IReadOnlyList<PingMisread> Misreads { get; }

    /// <summary>How many rows had their language detected as labelled.</summary>
    public int LanguageAgrees { get; }

    /// <summary>The metrics of one language; throws when the corpus has no row in it.</summary>
    public LanguageMetrics For(string language) =>
        Languages.FirstOrDefault(l => string.Equals(l.Language, language, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No rows in language '{language}'.");

    /// <summary>The misreads of one language, one per line, for test messages.</summary>
    public string FormatMisreads(string? language = null)
    {
        var text = new StringBuilder();
        foreach (var misread in Misreads)
        {
            if (language is null || string.Equals(misread.Sample.Language, language, StringComparison.Ordinal))
            {
                AppendMisread(text, misread);
            }
        }

        return text.Length == 0 ? "(none)" : text.ToString();
    }

    public string Format()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"Ping classifier on {Overall.Total} messages (language detected as labelled: {LanguageAgrees}/{Overall.Total})").AppendLine().AppendLine();
        text.AppendLine("lang      n  status P  status R  urgent P  urgent R  other->status");
        foreach (var metrics in Languages.Append(Overall))
        {
            text.Append(c, $"{metrics.Language,-4} {metrics.Total,5}  {metrics.StatusPrecision,8:0.000}  {metrics.StatusRecall,8:0.000}  {metrics.UrgentPrecision,8:0.000}  {metrics.UrgentRecall,8:0.000}  {metrics.OtherAsStatusRate,6:0.0%} ({metrics.OtherAsStatus}/{metrics.Confusion.Labelled(PingClass.Other)})").AppendLine();
        }

        text.AppendLine().AppendLine("Confusion matrix (rows: expected, columns: got)");
        text.Append(c, $"{string.Empty,-14}").AppendJoin(string.Empty, Order.Select(o => string.Create(c, $"{PingCorpus.LabelOf(o),14}"))).AppendLine();
        foreach (var expected in Order)
        {
            text.Append(c, $"{PingCorpus.LabelOf(expected),-14}");
            foreach (var actual in Order)
            {
                text.Append(c, $"{Overall.Confusion[expected, actual],14}");
            }

            text.AppendLine();
        }

        text.AppendLine().Append(c, $"Misread rows ({Misreads.Count})").AppendLine();
        if (Misreads.Count > 0)
        {
            text.Append(FormatMisreads());
        }

        return text.ToString();
    }

    public override string ToString() => Format();

    private static void AppendMisread(StringBuilder text, PingMisread misread)
    {
        var sample = misread.Sample;
        text.Append(CultureInfo.InvariantCulture, $"{sample.Id}\t{sample.Language}\texpected {PingCorpus.LabelOf(sample.Expected)}\tgot {PingCorpus.LabelOf(misread.Verdict.Class)}\t{sample.Text}")
            .Append("\treasons: ")
            .AppendJoin("; ", misread.Verdict.Reasons.Count == 0 ? ["(none)"] : misread.Verdict.Reasons)
            .AppendLine();
    }
}
