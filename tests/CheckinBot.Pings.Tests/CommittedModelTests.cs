using System.Globalization;
using CheckinBot.Core.Pings;
using CheckinBot.Pings.Evaluation;
using CheckinBot.Pings.Training;

namespace CheckinBot.Pings.Tests;

public class CommittedModelTests
{
    private const string Resource = "CheckinBot.Pings.ping-model.bin";

    internal static string TrainedFromFile => Path.Combine(AppContext.BaseDirectory, "Model", "trained-from.txt");

    /// <summary>
    /// The exact check: the committed model was trained from these corpora, featurised as now, with
    /// <c>TrainingOptions.Committed</c>. Its inputs' fingerprint (<c>Model/trained-from.txt</c>, written with the model)
    /// is the same on every machine, where a retrained model is not (<see cref="Retraining_from_the_corpora_gives_back_the_committed_models_figures"/>).
    /// </summary>
    [Fact]
    public void The_committed_model_was_trained_from_these_corpora_with_the_committed_options()
    {
        var trainedFrom = PingTrainer.RecordedInputs(File.ReadLines(TrainedFromFile));

        trainedFrom.Should().Be(PingTrainer.InputsOf(Corpora.All, TrainingOptions.Committed),
            "tools/CheckinBot.PingTrain trains the committed model from these corpora with TrainingOptions.Committed; rerun it if the corpora, the features or the options changed");
    }

    [Fact]
    public void The_inputs_fingerprint_is_the_same_in_any_culture()
    {
        var corpora = Corpora.All.Take(3).ToList();
        var invariant = PingTrainer.InputsOf(corpora, TrainingOptions.Committed);
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-NL");
        try
        {
            PingTrainer.InputsOf(corpora, TrainingOptions.Committed).Should().Be(invariant, "the options' numbers are written the same where a comma is the decimal separator");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    /// <summary>
    /// Retrained here, the model gives the committed model's figures back: the same on the machine that trained it, and
    /// within what another machine's vector arithmetic changes elsewhere (<c>TrainingInputs</c>). Session 49 measured
    /// that change, session 47's model against the same inputs trained on a machine without 512-bit vectors: 470 of
    /// 130,153 rows read differently (0.36%); per language, on the training corpora,
    /// the largest move was Dutch urgent precision, .9672 → .9746 (status recall .9822 → .9849, the next): every figure
    /// a little better there, none by more than .0074, so <see cref="FigureSpread"/> is .01. A stale model (a corpus,
    /// the features or the options changed without retraining) is what the exact check above catches.
    /// </summary>
    [Fact]
    public void Retraining_from_the_corpora_gives_back_the_committed_models_figures()
    {
        var retrained = PingTrainer.Train(Corpora.All, TrainingOptions.Committed);

        var committed = Read(PingClassifiers.Committed);
        var again = Read(retrained);

        var differ = committed.Verdicts.Zip(again.Verdicts).Count(pair => pair.First != pair.Second);
        differ.Should().BeLessThanOrEqualTo(committed.Verdicts.Count / 100, "on another machine a retrained model reads well under 1% of the training rows otherwise; more means the committed model is not the one these corpora give");
        var moved = (from pair in committed.Report.Languages.Append(committed.Report.Overall).Zip(again.Report.Languages.Append(again.Report.Overall))
                     from figure in Figures
                     where Math.Abs(figure.Figure(pair.Second) - figure.Figure(pair.First)) > FigureSpread
                     select $"{figure.Name} in {pair.First.Language}: {figure.Figure(pair.First):0.0000} committed, {figure.Figure(pair.Second):0.0000} retrained").ToList();
        moved.Should().BeEmpty($"on another machine no figure on the training corpora moves by more than {FigureSpread}; rerun tools/CheckinBot.PingTrain if the corpora changed");
    }

    [Fact]
    public void The_committed_thresholds_are_those_the_held_out_floors_and_the_readme_were_measured_at()
    {
        PingThresholds.Default.Should().Be(new PingThresholds(0.76f, 0.20f, UrgentWhenTalkedAbout: 0.5f, StatusAboutOpenTask: 0.25f, UrgentFollowingUrgent: 0.02f),
            "LeaveSetsOutTests' floors and the README's tables were printed at these; re-run --evaluate and --evaluate --by-set --groups 40 and update both when they change");
    }

    [Fact]
    public void The_committed_model_file_is_at_most_five_megabytes()
    {
        using var model = typeof(LearnedPingClassifier).Assembly.GetManifestResourceStream(Resource);

        model.Should().NotBeNull();
        model!.Length.Should().BeLessThanOrEqualTo(5 * 1024 * 1024);
    }

    /// <summary>How far a figure on the training corpora may move on another machine (see the retraining test).</summary>
    private const double FigureSpread = 0.01;

    private static readonly (string Name, Func<LanguageMetrics, double> Figure)[] Figures =
    [
        ("status precision", m => m.StatusPrecision),
        ("status recall", m => m.StatusRecall),
        ("urgent precision", m => m.UrgentPrecision),
        ("urgent recall", m => m.UrgentRecall),
        ("other->status", m => m.OtherAsStatusRate),
    ];

    private static (List<PingClass> Verdicts, PingEvaluationReport Report) Read(LearnedPingClassifier classifier)
    {
        var scored = Corpora.All.SelectMany(corpus => LeaveOneCorpusOut.Score(classifier, corpus, featureNames: false)).ToList();
        return ([.. scored.Select(s => s.Reading.Verdict.Class)], PingEvaluation.Measure(scored.Select(s => (s.Sample, s.Reading.Verdict))));
    }
}
