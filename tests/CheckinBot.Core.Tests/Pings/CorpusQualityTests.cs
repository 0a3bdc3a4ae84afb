using CheckinBot.Core.Pings;
using CheckinBot.Core.Pings.Evaluation;

namespace CheckinBot.Core.Tests.Pings;

/// <summary>The targets, per language, on a labelled corpus; each derived class names its corpus.</summary>
public abstract class CorpusQualityTests
{
    private readonly Lazy<PingEvaluationReport> report;

    protected CorpusQualityTests()
    {
        report = new(() => PingEvaluation.Evaluate(Rows, new PingClassifier(), names: VaNames));
    }

    public static TheoryData<string> Languages => new() { "nl", "en", "fr" };

    protected abstract IReadOnlyList<PingSample> Rows { get; }

    /// <summary>A corpus copied next to the tests under <c>Pings/</c>.</summary>
    protected static IReadOnlyList<PingSample> Load(string file) =>
        PingCorpus.Parse(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Pings", file)));

    /// <summary>The VA's first names, where the corpus addresses her by name, as the bot knows them live.</summary>
    protected virtual IReadOnlyCollection<string>? VaNames => null;

    /// <summary>The urgent recall target; a corpus measured below it says so and by how much.</summary>
    protected virtual double UrgentRecallTarget => 0.98;

    [Theory]
    [MemberData(nameof(Languages))]
    public void Status_checks_are_found_with_high_precision_and_recall(string language)
    {
        var metrics = report.Value.For(language);
        var misreads = report.Value.FormatMisreads(language);

        metrics.StatusPrecision.Should().BeGreaterThanOrEqualTo(0.97, "status_check precision in {0}; misread rows:\n{1}", language, misreads);
        metrics.StatusRecall.Should().BeGreaterThanOrEqualTo(0.90, "status_check recall in {0}; misread rows:\n{1}", language, misreads);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Urgent_messages_are_almost_never_missed(string language)
    {
        var metrics = report.Value.For(language);

        metrics.UrgentRecall.Should().BeGreaterThanOrEqualTo(UrgentRecallTarget, "urgent recall in {0}; misread rows:\n{1}", language, report.Value.FormatMisreads(language));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void At_most_two_percent_of_other_messages_are_taken_for_status_checks(string language)
    {
        var metrics = report.Value.For(language);

        metrics.OtherAsStatusRate.Should().BeLessThanOrEqualTo(0.02, "other→status_check in {0}; misread rows:\n{1}", language, report.Value.FormatMisreads(language));
    }
}
