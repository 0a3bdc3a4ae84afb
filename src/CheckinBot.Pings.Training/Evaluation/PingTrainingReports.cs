using System.Globalization;
using System.Text;
using CheckinBot.Core.Pings;
using CheckinBot.Pings.Training;

namespace CheckinBot.Pings.Evaluation;

/// <summary>What <c>tools/CheckinBot.PingTrain</c> prints: the leave-one-corpus-out evaluation, and first measurements of new corpora.</summary>
public static class PingTrainingReports
{
    /// <summary>
    /// Leave-one-corpus-out figures per language (the headline) and per corpus, the threshold sweep, the misread rows
    /// with what weighed most; then each extra set scored by the model trained on every corpus.
    /// </summary>
    /// <param name="corpora">The corpora, each held out in turn.</param>
    /// <param name="extra">Sets never trained on, scored by the model trained on every corpus.</param>
    /// <param name="options">The training options; the committed ones when null.</param>
    /// <param name="misreads">Whether to list the misread rows.</param>
    /// <param name="groups">When given, a cheaper split for exploring: that many groups of corpora, each held out in turn.</param>
    /// <param name="stackedInnerFolds">When given, stack boosted trees on the linear model, with out-of-fold scores from that many inner groups (an experiment: <see cref="LeaveOneCorpusOut.RunStacked"/>).</param>
    /// <param name="rounds">When given, each writers' round (its sets) held out in turn; the corpora of no round are only trained on (<see cref="LeaveOneCorpusOut.Run"/>).</param>
    /// <param name="keep">When given, what each fold's model made of its rows is kept in its folder and read back when the same run is started again (<see cref="KeptFolds"/>).</param>
    public static string Evaluate(IReadOnlyList<LabelledCorpus> corpora, IReadOnlyList<LabelledCorpus> extra, TrainingOptions? options = null, bool misreads = true, int? groups = null, int? stackedInnerFolds = null, TextWriter? scores = null, bool bySet = false, IReadOnlyList<IReadOnlyCollection<string>>? rounds = null, KeptFolds? keep = null)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        ArgumentNullException.ThrowIfNull(extra);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        if (rounds is not null)
        {
            text.Append(c, $"Leave-one-round-out: {rounds.Count} writers' rounds ({rounds.Sum(r => r.Count)} sets), each scored by a model trained on the other rounds and on the {corpora.Count} corpora's rest").AppendLine();
        }
        else if (bySet)
        {
            var sets = corpora.Select(corpus => LeaveOneCorpusOut.SetOf(corpus.Name)).Distinct(StringComparer.Ordinal).Count();
            var (split, held) = groups is { } count ? ("Leave-sets-out", $" in {Math.Min(count, sets)} groups, each group") : ("Leave-one-set-out", ", each set");
            text.Append(c, $"{split}: {corpora.Count} corpora in {sets} sets (a corpus with its siblings of the same brief in the other languages){held} scored by a model trained on the others").AppendLine();
        }
        else if (groups is null)
        {
            text.Append(c, $"Leave-one-corpus-out: each of {corpora.Count} corpora scored by a model trained on the others").AppendLine();
        }
        else
        {
            text.Append(c, $"Leave-one-group-out (exploring only): {corpora.Count} corpora in {groups} groups, each group scored by a model trained on the others").AppendLine();
        }

        if (stackedInnerFolds is { } innerFolds)
        {
            var (linear, stack) = LeaveOneCorpusOut.RunStacked(corpora, options, groups: groups, innerFolds: innerFolds);
            text.AppendLine("linear model alone (the same folds):");
            Section(text, linear, options, misreads: false);
            text.AppendLine("stacked: boosted trees on the linear model's out-of-fold scores decide the status check; urgent stays the linear model's:");
            Section(text, stack, options, misreads: false);
        }
        else
        {
            var run = LeaveOneCorpusOut.Run(corpora, options, featureNames: misreads, groups: groups, bySet: bySet, rounds: rounds, keep: keep);
            if (scores is not null)
            {
                run.WriteScores(scores);
            }

            Section(text, run, options, misreads);
        }

        if (extra.Count > 0)
        {
            var model = PingTrainer.Train(corpora, options);
            foreach (var set in extra)
            {
                var scored = LeaveOneCorpusOut.Score(model, set, featureNames: true).Select(s => (s.Sample, s.Reading.Verdict));
                var measured = PingEvaluation.Measure(scored);
                text.Append(c, $"Extra set {set.Name} (never trained on), model trained on all {corpora.Count} corpora").AppendLine();
                text.Append(Table(measured)).AppendLine();
                if (misreads)
                {
                    text.Append(c, $"Misread rows ({measured.Misreads.Count})").AppendLine().Append(measured.FormatMisreads()).AppendLine();
                }
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The figures <c>--evaluate</c> prints for a run made elsewhere (the leave-one-corpus-out tests write them where CI
    /// asks): per language, per held-out corpus, the threshold sweeps, the operating point and the send-order rule.
    /// </summary>
    public static string Describe(LeaveOneCorpusOut loco, TrainingOptions? options = null, bool misreads = false)
    {
        ArgumentNullException.ThrowIfNull(loco);
        var text = new StringBuilder();
        Section(text, loco, options, misreads);
        return text.ToString();
    }

    /// <summary>One run's figures: per language, per held-out corpus, the threshold sweeps (the open-task one on the task-aware corpora), the operating point, the misreads.</summary>
    private static void Section(StringBuilder text, LeaveOneCorpusOut loco, TrainingOptions? options, bool misreads)
    {
        var c = CultureInfo.InvariantCulture;
        var report = loco.Report();
        text.Append(c, $"thresholds: status {loco.Thresholds.Status:0.00}, urgent {loco.Thresholds.Urgent:0.00}, about an open task {OpenTaskThreshold(loco.Thresholds)}; {options ?? TrainingOptions.Committed}").AppendLine().AppendLine();
        text.Append(Table(report)).AppendLine();
        text.AppendLine("Per held-out corpus");
        foreach (var corpus in loco.Corpora)
        {
            var overall = loco.Report(corpus: corpus).Overall;
            text.Append(c, $"  {corpus,-34} {Line(overall)}").AppendLine();
        }

        text.AppendLine().Append(ThresholdSweep.Format(loco)).AppendLine();
        text.Append(ThresholdSweep.OperatingPoint(loco)).AppendLine();
        text.Append(OpenTaskSweep.Format(loco)).AppendLine();
        if (loco.InSendOrder.Count > 0)
        {
            text.Append(c, $"In send order: {loco.InSendOrder.Count} corpora, a row after one decided urgent read as following an urgent message").AppendLine();
            var with = loco.InSendOrderReport();
            text.AppendLine("with the rule:").Append(Table(with)).Append(AnyBotMessage(with));
            var without = loco.InSendOrderReport(loco.Thresholds with { UrgentFollowingUrgent = null });
            text.AppendLine("without it:").Append(Table(without)).Append(AnyBotMessage(without)).AppendLine();
        }

        if (misreads)
        {
            text.Append(c, $"Misread rows, held out ({report.Misreads.Count})").AppendLine().Append(report.FormatMisreads()).AppendLine();
        }
    }

    private static string OpenTaskThreshold(PingThresholds thresholds) =>
        thresholds.StatusAboutOpenTask is { } lower
            ? string.Create(CultureInfo.InvariantCulture, $"{lower:0.00}{(thresholds.OpenTaskOnlyWhenAsked ? " when asked" : string.Empty)}")
            : "(rule off)";

    /// <summary>
    /// New corpora measured before anything changes for them, by a model trained here on the corpora as they are with the
    /// options: a candidate, or the committed options on a machine that may train a little otherwise
    /// (<see cref="FirstMeasureByTheCommittedModel"/> measures with the model the bot serves).
    /// </summary>
    public static string FirstMeasure(IReadOnlyList<LabelledCorpus> corpora, IReadOnlyList<LabelledCorpus> fresh, TrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        return FirstMeasure(PingTrainer.Train(corpora, options), $"model trained on {corpora.Count} corpora ({corpora.Sum(x => x.Samples.Count)} rows)", fresh);
    }

    /// <summary>
    /// New corpora measured by the committed model, the one the bot serves, before anything changes for them: the same
    /// on every machine, where a model trained again from the same corpora is not quite (<see cref="TrainingInputs"/>).
    /// </summary>
    /// <param name="corpora">The corpora as they are.</param>
    /// <param name="fresh">The new corpora.</param>
    /// <param name="trainedFrom">The lines of <c>Model/trained-from.txt</c>, which the committed model was written with.</param>
    /// <exception cref="InvalidDataException">The committed model was not trained from these corpora with <see cref="TrainingOptions.Committed"/>.</exception>
    public static string FirstMeasureByTheCommittedModel(IReadOnlyList<LabelledCorpus> corpora, IReadOnlyList<LabelledCorpus> fresh, IEnumerable<string> trainedFrom)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        ArgumentNullException.ThrowIfNull(trainedFrom);
        if (PingTrainer.RecordedInputs(trainedFrom) != PingTrainer.InputsOf(corpora))
        {
            throw new InvalidDataException("The committed model was not trained from these corpora with TrainingOptions.Committed (trained-from.txt records other inputs): train it again first, or name training options to measure with a model trained here.");
        }

        return FirstMeasure(LearnedPingClassifier.Load(), $"the committed model, trained from {corpora.Count} corpora ({corpora.Sum(x => x.Samples.Count)} rows)", fresh);
    }

    private static string FirstMeasure(LearnedPingClassifier model, string by, IReadOnlyList<LabelledCorpus> fresh)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var decided = new List<(PingSample Sample, PingVerdict Verdict)>();
        var withoutRule = new List<(PingSample Sample, PingVerdict Verdict)>();
        var noFollowUps = model.Thresholds with { UrgentFollowingUrgent = null };
        foreach (var set in fresh)
        {
            text.Append(c, $"First measurement of {set.Name} ({set.Samples.Count} rows{(set.InSendOrder ? ", in send order" : string.Empty)}), {by}").AppendLine();
            var scored = LeaveOneCorpusOut.Score(model, set, featureNames: true).ToList();
            var verdicts = scored.Select(s => (s.Sample, s.Reading.Verdict)).ToList();
            decided.AddRange(verdicts);
            withoutRule.AddRange(scored.Select(s => (s.Sample, s.At(noFollowUps))));
            var learned = PingEvaluation.Measure(verdicts);
            text.AppendLine("learned model:").Append(Table(learned));
            text.Append(c, $"learned model misreads ({learned.Misreads.Count})").AppendLine().Append(learned.FormatMisreads()).AppendLine();
        }

        if (fresh.Count > 1)
        {
            // A batch's sets share one brief and one model: pooled by language they are the batch's first figure.
            var report = PingEvaluation.Measure(decided);
            text.Append(c, $"Pooled over {fresh.Count} sets ({decided.Count} rows)").AppendLine().Append(Table(report));
            text.Append(AnyBotMessage(report));
            if (fresh.Any(set => set.InSendOrder))
            {
                var without = PingEvaluation.Measure(withoutRule);
                text.AppendLine("the same without reading a row after an urgent one as part of the emergency:").Append(Table(without)).Append(AnyBotMessage(without));
            }
        }

        return text.ToString();
    }

    /// <summary>How many other messages got any bot message: a status answer or an urgent alert.</summary>
    private static string AnyBotMessage(PingEvaluationReport report)
    {
        var others = report.Overall.Confusion;
        var given = others[PingClass.Other, PingClass.StatusCheck] + others[PingClass.Other, PingClass.Urgent];
        var all = others.Labelled(PingClass.Other);
        return string.Create(CultureInfo.InvariantCulture, $"other messages given any bot message: {given} of {all} ({(all == 0 ? 0 : (double)given / all):0.0%})") + Environment.NewLine;
    }

    /// <summary>One line per language and one for all: status P/R, urgent P/R, other taken for status.</summary>
    public static string Table(PingEvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine("lang      n  status P  status R  urgent P  urgent R  other->status");
        foreach (var metrics in report.Languages.Append(report.Overall))
        {
            text.Append(CultureInfo.InvariantCulture, $"{metrics.Language,-4} {Line(metrics)}").AppendLine();
        }

        return text.ToString();
    }

    private static string Line(LanguageMetrics m) => string.Create(CultureInfo.InvariantCulture,
        $"{m.Total,5}  {m.StatusPrecision,8:0.000}  {m.StatusRecall,8:0.000}  {m.UrgentPrecision,8:0.000}  {m.UrgentRecall,8:0.000}  {m.OtherAsStatusRate,6:0.0%} ({m.OtherAsStatus}/{m.Confusion.Labelled(PingClass.Other)})");
}
