using CheckinBot.Core.Pings;
using CheckinBot.Pings.Model;
using CheckinBot.Pings.Training;

namespace CheckinBot.Pings.Evaluation;

/// <summary>
/// The honest figures: for each corpus in turn, a model trained on every other corpus scores it. No row is ever
/// scored by a model that learned from its own corpus.
/// </summary>
public sealed class LeaveOneCorpusOut
{
    private LeaveOneCorpusOut(IReadOnlyList<ScoredSample> scored, PingThresholds thresholds, IReadOnlyList<LabelledCorpus> corpora)
    {
        Scored = scored;
        Thresholds = thresholds;
        TaskAware = corpora.Where(c => c.OpenTasks.Count > 0).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        InSendOrder = corpora.Where(c => c.InSendOrder).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The corpora whose header says their rows are in the order they were sent (<c># order: as sent</c>): where a row can follow an urgent one.</summary>
    public IReadOnlySet<string> InSendOrder { get; }

    /// <summary>The corpora whose header names the VA's open tasks (<c># tasks:</c>): where the open-task rule can fire.</summary>
    public IReadOnlySet<string> TaskAware { get; }

    internal IReadOnlyList<ScoredSample> Scored { get; }

    /// <summary>The thresholds of <see cref="Report"/>.</summary>
    public PingThresholds Thresholds { get; }

    /// <summary>The corpora, in the order they were held out.</summary>
    public IEnumerable<string> Corpora => Scored.Select(s => s.Corpus).Distinct();

    /// <summary>
    /// Every row's out-of-fold reading as tab-separated text (corpus, id, language, label, the two probabilities, and the
    /// rules that decide without the model), to study decision rules without training again. No message text.
    /// </summary>
    public void WriteScores(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("corpus\tid\tlang\tlabel\tstatus\turgent\turgent_word\tcalm\turgent_talked_about\tcommand\tabout_open_task\tasked\tlaughs\tfollows_urgent\tto_someone_else");
        foreach (var (corpus, sample, reading, followsUrgent) in Scored)
        {
            var r = reading.Rules;
            writer.WriteLine(string.Join('\t',
                corpus, sample.Id, sample.Language, sample.Expected,
                reading.Status.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture),
                reading.Urgent.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture),
                Bit(r.UrgentWord), Bit(r.Calm), Bit(r.UrgentTalkedAbout), Bit(r.Command), Bit(r.AboutOpenTask), Bit(r.Asked), Bit(r.Laughs), Bit(followsUrgent), Bit(r.ToSomeoneElse)));
        }

        static string Bit(bool value) => value ? "1" : "0";
    }

    /// <summary>
    /// Runs it. <paramref name="featureNames"/> names the features in the misreads' reasons. With
    /// <paramref name="groups"/>, a cheaper split for exploring: the corpora fall into that many groups (the i-th corpus
    /// in group i mod groups), and each group is held out in turn; still no row is scored by a model that saw its corpus.
    /// With <paramref name="bySet"/>, a stricter split: a corpus is held out with its siblings written to the same brief
    /// in the other languages (<see cref="SetOf"/>), so no row is scored by a model that saw any corpus of its set; with
    /// both, the sets fall into that many groups (the i-th set, in order of first appearance, in group i mod groups),
    /// each held out whole in turn: what the tests measure, at a cost that grows with the rows and not with the corpora.
    /// With <paramref name="rounds"/>, the split of a writers' round: each round (the sets one batch of writers wrote to
    /// one brief) is held out whole in turn, and a corpus of no round is trained on in every fold and never scored. It
    /// asks what the model makes of writers it never read, as a new round's first measurement does. With
    /// <paramref name="keep"/>, what each fold's model made of its rows is kept in a folder and read back when the same
    /// run is started again (its misreads then name no features).
    /// </summary>
    public static LeaveOneCorpusOut Run(IReadOnlyList<LabelledCorpus> corpora, TrainingOptions? options = null, PingThresholds? thresholds = null, bool featureNames = false, int? groups = null, bool bySet = false, IReadOnlyList<IReadOnlyCollection<string>>? rounds = null, KeptFolds? keep = null)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        thresholds ??= PingThresholds.Default;
        options ??= TrainingOptions.Committed;
        var (foldOf, folds) = rounds is null ? Folds(corpora, groups, bySet) : RoundFolds(corpora, rounds);
        var rows = corpora.Select(PingTrainer.Rows).ToList();
        var scored = new List<ScoredSample>[folds];
        if (keep is not null && !keep.Claim(KeptFolds.Fingerprint(rows, foldOf, folds, options)))
        {
            throw new ArgumentException($"The folder {keep.Folder} holds the folds of another run (other corpora, folds, training options or build, or a machine that trains otherwise); give an empty folder, or the one this run made.", nameof(keep));
        }

        // Each held-out fold is its own training with its own seeded context, so the folds run side by side and give
        // the same figures in any order; a fold kept from an earlier start of the same run is read back, not trained.
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, held =>
        {
            var heldOut = corpora.Where((_, i) => foldOf[i] == held).ToList();
            if (keep?.Read(held, heldOut) is { } kept)
            {
                scored[held] = [.. Reread(heldOut, kept, thresholds)];
                return;
            }

            var model = new LearnedPingClassifier(PingTrainer.TrainModel([.. rows.Where((_, i) => foldOf[i] != held).SelectMany(r => r)], options), thresholds);
            scored[held] = [.. heldOut.SelectMany(corpus => Score(model, corpus, featureNames))];
            keep?.Keep(held, heldOut, scored[held]);
        });

        return new LeaveOneCorpusOut([.. scored.SelectMany(s => s)], thresholds, corpora);
    }

    /// <summary>
    /// The set a corpus belongs to: its name without ".tsv" and without a closing language ("-en", "-fr", "-nl"), so
    /// "august-en.tsv", "august-fr.tsv" and "august-nl.tsv", written by three writers to one brief, are one set.
    /// </summary>
    public static string SetOf(string corpusName)
    {
        ArgumentNullException.ThrowIfNull(corpusName);
        var name = corpusName.EndsWith(".tsv", StringComparison.Ordinal) ? corpusName[..^4] : corpusName;
        return name.Length > 3 && name[^3] == '-' && name[^2..] is "en" or "fr" or "nl" ? name[..^3] : name;
    }

    /// <summary>
    /// Reads a rounds file: each line that is neither empty nor a comment (<c>#</c>) is one round, the names of its sets
    /// (<see cref="SetOf"/>) separated by spaces or tabs.
    /// </summary>
    public static IReadOnlyList<IReadOnlyCollection<string>> ReadRounds(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines.Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => (IReadOnlyCollection<string>)line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))];
    }

    /// <summary>Which round holds out each corpus (-1: none, trained on in every fold), and how many rounds there are.</summary>
    /// <exception cref="ArgumentException">A round names a set no corpus belongs to, or a set is in two rounds.</exception>
    private static (int[] FoldOf, int Folds) RoundFolds(IReadOnlyList<LabelledCorpus> corpora, IReadOnlyList<IReadOnlyCollection<string>> rounds)
    {
        var roundOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var sets = corpora.Select(c => SetOf(c.Name)).ToHashSet(StringComparer.Ordinal);
        for (var round = 0; round < rounds.Count; round++)
        {
            foreach (var set in rounds[round])
            {
                if (!sets.Contains(set))
                {
                    throw new ArgumentException($"Round {round + 1} names the set \"{set}\", which no corpus belongs to.", nameof(rounds));
                }

                if (!roundOf.TryAdd(set, round))
                {
                    throw new ArgumentException($"The set \"{set}\" is in rounds {roundOf[set] + 1} and {round + 1}.", nameof(rounds));
                }
            }
        }

        return ([.. corpora.Select(c => roundOf.GetValueOrDefault(SetOf(c.Name), -1))], rounds.Count);
    }

    /// <summary>Which fold holds out each corpus, and how many folds there are.</summary>
    private static (int[] FoldOf, int Folds) Folds(IReadOnlyList<LabelledCorpus> corpora, int? groups, bool bySet)
    {
        if (bySet)
        {
            var sets = corpora.Select(c => SetOf(c.Name)).Distinct(StringComparer.Ordinal).Select((set, index) => (set, index))
                .ToDictionary(s => s.set, s => s.index, StringComparer.Ordinal);
            var setFolds = Math.Clamp(groups ?? sets.Count, Math.Min(2, sets.Count), sets.Count);
            return ([.. corpora.Select(c => sets[SetOf(c.Name)] % setFolds)], setFolds);
        }

        var folds = Math.Clamp(groups ?? corpora.Count, 2, corpora.Count);
        return ([.. Enumerable.Range(0, corpora.Count).Select(i => i % folds)], folds);
    }

    /// <summary>
    /// The same split for the linear model with boosted trees stacked on it (an experiment, judged by these figures
    /// alone): for each held-out fold, the trees learn from the linear model's scores of the training corpora, each
    /// scored by a linear model trained without it (<paramref name="innerFolds"/> inner groups of corpora), and then
    /// score the held-out rows from the linear model trained on all training corpora. No row is scored by a model, linear
    /// or tree, that saw its corpus. Gives the linear model's own figures on the same folds beside the stacked ones.
    /// </summary>
    public static (LeaveOneCorpusOut Linear, LeaveOneCorpusOut Stacked) RunStacked(IReadOnlyList<LabelledCorpus> corpora, TrainingOptions? options = null, PingThresholds? thresholds = null, int? groups = null, int innerFolds = 4)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        var decide = thresholds ?? PingThresholds.Default;
        var training = options ?? TrainingOptions.Committed;
        var folds = Math.Clamp(groups ?? corpora.Count, 2, corpora.Count);
        var rows = corpora.Select(PingTrainer.Rows).ToList();
        var scored = new List<ScoredSample>[folds];
        var linearScored = new List<ScoredSample>[folds];
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, held =>
        {
            var kept = Enumerable.Range(0, corpora.Count).Where(i => i % folds != held).ToList();
            var stackRows = new List<StackRow>();
            for (var inner = 0; inner < innerFolds; inner++)
            {
                var rest = kept.Where((_, j) => j % innerFolds != inner).SelectMany(i => rows[i]).ToList();
                var linear = new LearnedPingClassifier(PingTrainer.TrainModel(rest, training), decide);
                stackRows.AddRange(kept.Where((_, j) => j % innerFolds == inner).SelectMany(i => StackRows(linear, corpora[i]).Select(r => r.Row)));
            }

            var full = new LearnedPingClassifier(PingTrainer.TrainModel([.. kept.SelectMany(i => rows[i])], training), decide);
            var heldOut = corpora.Where((_, i) => i % folds == held).SelectMany(corpus => StackRows(full, corpus).Select(r => (corpus.Name, r.Sample, r.Row, r.Reading))).ToList();
            linearScored[held] = [.. heldOut.Select(h => new ScoredSample(h.Name, h.Sample, h.Reading))];
            var trees = new StackTrainer(training.Seed);
            var predicted = trees.Predict(trees.Train(stackRows), [.. heldOut.Select(h => h.Row)]);
            scored[held] = [.. heldOut.Zip(predicted, (h, p) => new ScoredSample(h.Name, h.Sample, h.Reading with
            {
                Verdict = h.Reading.Verdict with { Class = decide.Decide(p.Status, h.Reading.Urgent, h.Reading.Rules) },
                Status = p.Status,
            }))];
        });

        return (new LeaveOneCorpusOut([.. linearScored.SelectMany(s => s)], decide, corpora), new LeaveOneCorpusOut([.. scored.SelectMany(s => s)], decide, corpora));
    }

    private static IEnumerable<(PingSample Sample, StackRow Row, PingReading Reading)> StackRows(LearnedPingClassifier linear, LabelledCorpus corpus)
    {
        var addressees = PingAddressees.Named(corpus.VaNames);
        foreach (var sample in corpus.Samples)
        {
            var features = StackFeatures.Of(linear, sample.Text, addressees, out var reading);
            yield return (sample, new StackRow { Features = features, IsStatus = sample.Expected == PingClass.StatusCheck, IsUrgent = sample.Expected == PingClass.Urgent }, reading);
        }
    }

    /// <summary>The figures over all held-out rows, per language, at <see cref="Thresholds"/> or at <paramref name="other"/>.</summary>
    public PingEvaluationReport Report(PingThresholds? other = null, string? corpus = null) =>
        PingEvaluation.Measure(Scored.Where(s => corpus is null || s.Corpus == corpus).Select(s => (s.Sample, s.At(other ?? Thresholds))));

    /// <summary>The figures over the held-out rows of the task-aware corpora (<see cref="TaskAware"/>), at <see cref="Thresholds"/> or at <paramref name="other"/>.</summary>
    public PingEvaluationReport TaskAwareReport(PingThresholds? other = null) =>
        PingEvaluation.Measure(TaskAwareRows.Select(s => (s.Sample, s.At(other ?? Thresholds))));

    /// <summary>
    /// The figures over the held-out rows of the corpora in send order (<see cref="InSendOrder"/>), at
    /// <see cref="Thresholds"/> or at <paramref name="other"/>. Whether a row follows an urgent one is as decided at
    /// <see cref="Thresholds"/>.
    /// </summary>
    public PingEvaluationReport InSendOrderReport(PingThresholds? other = null) =>
        PingEvaluation.Measure(Scored.Where(s => InSendOrder.Contains(s.Corpus)).Select(s => (s.Sample, s.At(other ?? Thresholds))));

    /// <summary>The held-out rows of the task-aware corpora.</summary>
    internal IEnumerable<ScoredSample> TaskAwareRows => Scored.Where(s => TaskAware.Contains(s.Corpus));

    /// <summary>
    /// Scores a corpus's rows as the bot reads live messages. In a corpus in send order (<see cref="LabelledCorpus.InSendOrder"/>)
    /// a row that follows one decided urgent is read as following an urgent message, as the bot reads a client's
    /// message that comes moments after her urgent one. The rows carry no times: the row after an urgent one stands for
    /// what comes within the window (<c>Pings:UrgentFollowUpWindow</c>), and the row after that for what comes later.
    /// </summary>
    internal static IEnumerable<ScoredSample> Score(LearnedPingClassifier model, LabelledCorpus corpus, bool featureNames) =>
        Score(corpus, (_, sample, addressees, openWork, followsUrgent) =>
            model.Read(sample.Text, null, addressees, openWork, featureNames ? new Dictionary<int, string>() : null, followsUrgent));

    /// <summary>The held-out rows of a kept fold, read again from their kept probabilities (<see cref="KeptFolds"/>) as <see cref="Score"/> reads them.</summary>
    private static IEnumerable<ScoredSample> Reread(IReadOnlyList<LabelledCorpus> heldOut, IReadOnlyList<(float Status, float Urgent)> kept, PingThresholds thresholds)
    {
        var first = 0;
        foreach (var corpus in heldOut)
        {
            var offset = first;
            foreach (var scored in Score(corpus, (row, sample, addressees, openWork, followsUrgent) =>
                LearnedPingClassifier.Reread(thresholds, sample.Text, null, addressees, openWork, kept[offset + row].Status, kept[offset + row].Urgent, followsUrgent)))
            {
                yield return scored;
            }

            first += corpus.Samples.Count;
        }
    }

    private static IEnumerable<ScoredSample> Score(LabelledCorpus corpus, Func<int, PingSample, PingAddressees, OpenWork?, bool, PingReading> read)
    {
        var addressees = PingAddressees.Named(corpus.VaNames);
        var openWork = corpus.OpenWork;
        var followsUrgent = false;
        for (var row = 0; row < corpus.Samples.Count; row++)
        {
            var sample = corpus.Samples[row];
            var reading = read(row, sample, addressees, openWork, followsUrgent);
            yield return new ScoredSample(corpus.Name, sample, reading, followsUrgent);
            followsUrgent = corpus.InSendOrder && reading.Verdict.Class == PingClass.Urgent;
        }
    }
}
