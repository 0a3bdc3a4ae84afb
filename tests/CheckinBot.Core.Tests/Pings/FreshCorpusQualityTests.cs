using CheckinBot.Core.Pings;
using CheckinBot.Core.Pings.Evaluation;

namespace CheckinBot.Core.Tests.Pings;

/// <summary>
/// The same per-language targets as <see cref="DevCorpusQualityTests"/>, on <c>Pings/pings.fresh.tsv</c>:
/// 240 messages (nl/en/fr) written apart from the dev corpus, with typos, chat shorthand and hard
/// negatives. It guards against regressions in phrasings the dev corpus does not have; it was used
/// while improving the classifier, so it is no substitute for a truly held-out set.
/// </summary>
public class FreshCorpusQualityTests
{
    private static readonly Lazy<IReadOnlyList<PingSample>> Rows =
        new(() => PingCorpus.Parse(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Pings", "pings.fresh.tsv"))));

    private static readonly Lazy<PingEvaluationReport> Report =
        new(() => PingEvaluation.Evaluate(Rows.Value, new PingClassifier()));

    public static TheoryData<string> Languages => new() { "nl", "en", "fr" };

    [Fact]
    public void The_fresh_corpus_is_copied_and_covers_all_three_languages()
    {
        Rows.Value.Should().HaveCount(240);
        Rows.Value.Select(r => r.Language).Distinct().Should().BeEquivalentTo(["nl", "en", "fr"]);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Status_checks_are_found_with_high_precision_and_recall(string language)
    {
        var metrics = Report.Value.For(language);
        var misreads = Report.Value.FormatMisreads(language);

        metrics.StatusPrecision.Should().BeGreaterThanOrEqualTo(0.97, "status_check precision in {0}; misread rows:\n{1}", language, misreads);
        metrics.StatusRecall.Should().BeGreaterThanOrEqualTo(0.90, "status_check recall in {0}; misread rows:\n{1}", language, misreads);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Urgent_messages_are_almost_never_missed(string language)
    {
        var metrics = Report.Value.For(language);

        metrics.UrgentRecall.Should().BeGreaterThanOrEqualTo(0.98, "urgent recall in {0}; misread rows:\n{1}", language, Report.Value.FormatMisreads(language));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void At_most_two_percent_of_other_messages_are_taken_for_status_checks(string language)
    {
        var metrics = Report.Value.For(language);

        metrics.OtherAsStatusRate.Should().BeLessThanOrEqualTo(0.02, "other→status_check in {0}; misread rows:\n{1}", language, Report.Value.FormatMisreads(language));
    }
}
