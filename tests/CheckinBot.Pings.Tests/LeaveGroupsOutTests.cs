using CheckinBot.Pings.Evaluation;
using CheckinBot.Pings.Training;

namespace CheckinBot.Pings.Tests;

/// <summary>The cheaper split for exploring: groups of corpora held out in turn, each row still scored once, by a model that never saw its corpus.</summary>
public class LeaveGroupsOutTests
{
    private static readonly TrainingOptions Quick = TrainingOptions.Committed with { Iterations = 10 };

    [Fact]
    public void Every_row_of_every_corpus_is_scored_exactly_once()
    {
        var corpora = Corpora.All.Take(4).ToList();

        var run = LeaveOneCorpusOut.Run(corpora, Quick, groups: 2);

        run.Corpora.Should().BeEquivalentTo(corpora.Select(c => c.Name));
        run.Report().Overall.Total.Should().Be(corpora.Sum(c => c.Samples.Count));
    }

    [Fact]
    public void Task_aware_corpora_are_scored_with_their_open_tasks_and_the_others_without()
    {
        var taskAware = Corpora.All.Where(c => c.OpenTasks.Count > 0).Take(2).ToList();
        var plain = Corpora.All.Where(c => c.OpenTasks.Count == 0).Take(2).ToList();
        taskAware.Should().HaveCount(2, "the corpora hold task-aware conversations ('# tasks:')");

        var run = LeaveOneCorpusOut.Run([.. taskAware, .. plain], Quick, groups: 2);

        run.TaskAware.Should().BeEquivalentTo(taskAware.Select(c => c.Name));
        run.TaskAwareReport().Overall.Total.Should().Be(taskAware.Sum(c => c.Samples.Count));
        run.TaskAwareRows.Should().Contain(s => s.Reading.Rules.AboutOpenTask);
        run.Scored.Where(s => !run.TaskAware.Contains(s.Corpus)).Should().NotContain(s => s.Reading.Rules.AboutOpenTask);
    }

    [Fact]
    public void A_corpus_held_out_with_its_group_is_scored_as_by_a_model_trained_on_the_other_group_only()
    {
        var corpora = Corpora.All.Take(4).ToList();
        var otherGroup = new[] { corpora[1], corpora[3] };

        var run = LeaveOneCorpusOut.Run(corpora, Quick, groups: 2);
        var direct = PingEvaluation.Evaluate(corpora[0].Samples, PingTrainer.Train(otherGroup, Quick), names: corpora[0].VaNames, openWork: corpora[0].OpenWork);

        PingTrainingReports.Table(run.Report(corpus: corpora[0].Name)).Should().Be(PingTrainingReports.Table(direct));
    }

    [Fact]
    public void A_run_made_elsewhere_is_described_as_the_evaluate_command_prints_it()
    {
        var corpora = Corpora.All.Take(4).ToList();
        var run = LeaveOneCorpusOut.Run(corpora, Quick, groups: 2);

        var described = PingTrainingReports.Describe(run, Quick);

        described.Should().StartWith("thresholds: status ").And.Contain(PingTrainingReports.Table(run.Report()));
        PingTrainingReports.Evaluate(corpora, [], Quick, misreads: false, groups: 2).Should().EndWith(described);
    }

    [Fact]
    public void The_scores_give_each_row_its_out_of_fold_probabilities_and_no_text()
    {
        var corpora = Corpora.All.Take(4).ToList();
        var run = LeaveOneCorpusOut.Run(corpora, Quick, groups: 2);
        using var written = new StringWriter();

        run.WriteScores(written);

        var lines = written.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].Split('\t').Should().Equal("corpus", "id", "lang", "label", "status", "urgent", "urgent_word", "calm", "urgent_talked_about", "command", "about_open_task", "asked", "laughs", "follows_urgent", "to_someone_else");
        lines.Should().HaveCount(1 + corpora.Sum(c => c.Samples.Count));
        var first = corpora[0].Samples[0];
        var row = lines.Skip(1).Select(line => line.Split('\t')).Single(fields => fields[0] == corpora[0].Name && fields[1] == first.Id);
        var scored = run.Scored.Single(s => s.Corpus == corpora[0].Name && s.Sample.Id == first.Id);
        row[3].Should().Be(first.Expected.ToString());
        float.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(scored.Reading.Status, 0.0001f);
        float.Parse(row[5], System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(scored.Reading.Urgent, 0.0001f);
        row[13].Should().Be(scored.FollowsUrgent ? "1" : "0");
        written.ToString().Should().NotContain(first.Text);
    }

    [Theory]
    [InlineData("august-en.tsv", "august")]
    [InlineData("august-nl.tsv", "august")]
    [InlineData("emergencies-and-lookalikes-2-fr.tsv", "emergencies-and-lookalikes-2")]
    [InlineData("voice-dictated.tsv", "voice-dictated")]
    [InlineData("pings.blind3.tsv", "pings.blind3")]
    public void A_corpus_belongs_to_the_set_of_its_brief(string corpus, string set) =>
        LeaveOneCorpusOut.SetOf(corpus).Should().Be(set);

    [Fact]
    public void By_set_a_corpus_is_held_out_with_its_siblings_in_the_other_languages()
    {
        var april = Corpora.All.Where(c => LeaveOneCorpusOut.SetOf(c.Name) == "april").OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var other = Corpora.All.First(c => c.Name == "voice-dictated.tsv");
        april.Should().HaveCount(3);

        var run = LeaveOneCorpusOut.Run([.. april, other], Quick, bySet: true);
        var direct = PingEvaluation.Evaluate(april[0].Samples, PingTrainer.Train([other], Quick), names: april[0].VaNames, openWork: april[0].OpenWork);

        run.Report().Overall.Total.Should().Be(april.Sum(c => c.Samples.Count) + other.Samples.Count);
        PingTrainingReports.Table(run.Report(corpus: april[0].Name)).Should().Be(PingTrainingReports.Table(direct));
    }

    [Fact]
    public void By_set_in_groups_the_sets_fall_into_the_groups_in_turn_and_each_is_held_out_whole()
    {
        var april = Corpora.All.Where(c => LeaveOneCorpusOut.SetOf(c.Name) == "april").OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var august = Corpora.All.Where(c => LeaveOneCorpusOut.SetOf(c.Name) == "august").OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var voice = Corpora.All.First(c => c.Name == "voice-dictated.tsv");
        august.Should().HaveCount(3);

        // Three sets in two groups: april (the first) and voice-dictated (the third) are held out together, august alone.
        var run = LeaveOneCorpusOut.Run([.. april, .. august, voice], Quick, groups: 2, bySet: true);
        var aprilDirect = PingEvaluation.Evaluate(april[1].Samples, PingTrainer.Train(august, Quick), names: april[1].VaNames, openWork: april[1].OpenWork);
        var augustDirect = PingEvaluation.Evaluate(august[2].Samples, PingTrainer.Train([.. april, voice], Quick), names: august[2].VaNames, openWork: august[2].OpenWork);

        run.Report().Overall.Total.Should().Be(april.Sum(c => c.Samples.Count) + august.Sum(c => c.Samples.Count) + voice.Samples.Count);
        PingTrainingReports.Table(run.Report(corpus: april[1].Name)).Should().Be(PingTrainingReports.Table(aprilDirect));
        PingTrainingReports.Table(run.Report(corpus: august[2].Name)).Should().Be(PingTrainingReports.Table(augustDirect));
    }

    [Fact]
    public void By_round_each_round_is_held_out_whole_and_a_corpus_of_no_round_is_only_trained_on()
    {
        var april = Corpora.All.Where(c => LeaveOneCorpusOut.SetOf(c.Name) == "april").OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var august = Corpora.All.Where(c => LeaveOneCorpusOut.SetOf(c.Name) == "august").OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var voice = Corpora.All.First(c => c.Name == "voice-dictated.tsv");

        var run = LeaveOneCorpusOut.Run([.. april, voice, .. august], Quick, rounds: [["april"], ["august"]]);
        var aprilDirect = PingEvaluation.Evaluate(april[0].Samples, PingTrainer.Train([voice, .. august], Quick), names: april[0].VaNames, openWork: april[0].OpenWork);

        run.Corpora.Should().BeEquivalentTo(april.Concat(august).Select(c => c.Name), "voice-dictated is in no round: trained on, never scored");
        PingTrainingReports.Table(run.Report(corpus: april[0].Name)).Should().Be(PingTrainingReports.Table(aprilDirect));
    }

    [Fact]
    public void A_rounds_file_gives_a_round_a_line_its_names_apart_by_spaces_or_tabs_and_leaves_out_comments_and_blank_lines() =>
        LeaveOneCorpusOut.ReadRounds(["# the rounds", "", "april \taugust", " voice-dictated "]).Should()
            .BeEquivalentTo(new[] { new[] { "april", "august" }, new[] { "voice-dictated" } }, o => o.WithStrictOrdering());

    [Theory]
    [InlineData("no-such-set", "no corpus belongs to")]
    [InlineData("april", "is in rounds 1 and 2")]
    public void A_round_that_names_no_set_or_a_set_twice_is_refused_with_its_reason(string second, string reason)
    {
        var april = Corpora.All.Where(c => LeaveOneCorpusOut.SetOf(c.Name) == "april").ToList();

        var run = () => LeaveOneCorpusOut.Run(april, Quick, rounds: [["april"], [second]]);

        run.Should().Throw<ArgumentException>().WithMessage($"*{reason}*").Which.ParamName.Should().Be("rounds");
    }

    [Fact]
    public void The_committed_rounds_file_names_sets_of_the_corpora_only()
    {
        var rounds = Corpora.Rounds;
        var sets = Corpora.All.Select(c => LeaveOneCorpusOut.SetOf(c.Name)).ToHashSet(StringComparer.Ordinal);

        rounds.Should().HaveCountGreaterThan(1);
        rounds.SelectMany(r => r).Should().OnlyHaveUniqueItems().And.OnlyContain(set => sets.Contains(set));
    }
}
