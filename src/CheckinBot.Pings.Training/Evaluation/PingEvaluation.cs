using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Evaluation;

/// <summary>Runs a classifier over labelled samples and measures it; shared by the tests and tools/CheckinBot.PingTrain.</summary>
public static class PingEvaluation
{
    /// <summary>Classifies every sample and gathers per-language metrics, the confusion matrix and the misreads.</summary>
    /// <param name="samples">The labelled rows.</param>
    /// <param name="classifier">The classifier under test.</param>
    /// <param name="useLanguageHint">Pass each row's language as a hint; off by default because live messages come without one.</param>
    /// <param name="names">The VA's first names, as the bot knows them in a live collaboration.</param>
    /// <param name="openWork">The VA's open tasks, as the bot reads them from her task log live (a corpus's <c># tasks:</c> header).</param>
    public static PingEvaluationReport Evaluate(IEnumerable<PingSample> samples, IPingClassifier classifier, bool useLanguageHint = false, IReadOnlyCollection<string>? names = null, OpenWork? openWork = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(classifier);
        return Measure(samples.Select(sample => (sample, classifier.Classify(sample.Text, useLanguageHint ? sample.Language : null, names is null ? null : PingAddressees.Named(names), openWork))));
    }

    /// <summary>Gathers per-language metrics, the confusion matrix and the misreads of verdicts already made.</summary>
    public static PingEvaluationReport Measure(IEnumerable<(PingSample Sample, PingVerdict Verdict)> decided)
    {
        ArgumentNullException.ThrowIfNull(decided);

        var overall = new LanguageMetrics("all");
        var byLanguage = new SortedDictionary<string, LanguageMetrics>(StringComparer.Ordinal);
        var misreads = new List<PingMisread>();
        var languageAgrees = 0;
        foreach (var (sample, verdict) in decided)
        {
            if (!byLanguage.TryGetValue(sample.Language, out var metrics))
            {
                metrics = new LanguageMetrics(sample.Language);
                byLanguage.Add(sample.Language, metrics);
            }

            metrics.Confusion.Add(sample.Expected, verdict.Class);
            overall.Confusion.Add(sample.Expected, verdict.Class);
            languageAgrees += string.Equals(verdict.Language, sample.Language, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            if (verdict.Class != sample.Expected)
            {
                misreads.Add(new PingMisread(sample, verdict));
            }
        }

        return new PingEvaluationReport([.. byLanguage.Values], overall, misreads, languageAgrees);
    }
}
