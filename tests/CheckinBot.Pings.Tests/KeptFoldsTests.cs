using System.Reflection;
using System.Reflection.PortableExecutable;
using CheckinBot.Core.Pings;
using CheckinBot.Pings.Evaluation;
using CheckinBot.Pings.Training;

namespace CheckinBot.Pings.Tests;

/// <summary>
/// A long split kept fold by fold: started again with its folder, it trains only the folds not yet there, and gives the
/// same figures. A fold keeps its held-out rows' probabilities, small enough to commit, so the folder can outlive the machine.
/// </summary>
public sealed class KeptFoldsTests : IDisposable
{
    private static readonly TrainingOptions Quick = TrainingOptions.Committed with { Iterations = 10 };
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("checkinbot-folds-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_run_kept_in_a_folder_gives_the_scores_of_a_run_that_keeps_nothing()
    {
        var corpora = Corpora.All.Take(4).ToList();

        var kept = LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new KeptFolds(_folder.FullName));

        Scores(kept).Should().Be(Scores(LeaveOneCorpusOut.Run(corpora, Quick, groups: 2)));
        _folder.GetFiles("fold-*").Select(f => f.Name).Should().BeEquivalentTo(["fold-0000.tsv", "fold-0001.tsv"]);
        _folder.GetFiles("*.part").Should().BeEmpty();
    }

    [Fact]
    public void A_fold_read_back_gives_the_probabilities_and_verdicts_of_the_model_that_scored_it()
    {
        var corpora = Corpora.All.Where(c => c.InSendOrder).Take(2).Concat(Corpora.All.Where(c => c.OpenTasks.Count > 0).Take(2)).ToList();
        var trained = LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new KeptFolds(_folder.FullName));

        var readBack = LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new KeptFolds(_folder.FullName));

        readBack.Scored.Select(Decided).Should().Equal(trained.Scored.Select(Decided));
        readBack.Scored.Should().Contain(s => s.FollowsUrgent, "rows after an urgent one are read as following it again");
        readBack.Scored.Should().Contain(s => s.Reading.Rules.AboutOpenTask, "the open-task rule is read again");
        Figures(readBack.Report()).Should().Be(Figures(trained.Report()));
        readBack.Scored.SelectMany(s => s.Reading.Verdict.Reasons).Should().NotContain(r => r.StartsWith("feature ", StringComparison.Ordinal), "without the model, the reasons name no features");

        static string Figures(PingEvaluationReport report) => report.Format().Split("Misread")[0];

        static (string, string, float, float, PingClass, bool) Decided(ScoredSample s) =>
            (s.Corpus, s.Sample.Id, s.Reading.Status, s.Reading.Urgent, s.Reading.Verdict.Class, s.FollowsUrgent);
    }

    [Fact]
    public void Started_again_the_run_reads_the_kept_folds_back_and_trains_only_the_missing_one()
    {
        var corpora = Corpora.All.Take(4).ToList();
        var first = Scores(LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new KeptFolds(_folder.FullName)));
        var kept = new FileInfo(Path.Combine(_folder.FullName, "fold-0000.tsv"));
        var keptAt = kept.LastWriteTimeUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.Delete(Path.Combine(_folder.FullName, "fold-0001.tsv"));

        var again = Scores(LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new KeptFolds(_folder.FullName)));

        again.Should().Be(first);
        new FileInfo(kept.FullName).LastWriteTimeUtc.Should().Be(keptAt, "a kept fold is read, not trained and written again");
        File.Exists(Path.Combine(_folder.FullName, "fold-0001.tsv")).Should().BeTrue("the missing fold is trained and kept");
    }

    [Fact]
    public void A_kept_fold_is_what_the_run_scores_with()
    {
        var corpora = Corpora.All.Take(4).ToList();
        LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new KeptFolds(_folder.FullName));
        var first = Path.Combine(_folder.FullName, "fold-0000.tsv");
        File.WriteAllLines(first, File.ReadAllLines(first).Select(line => line.StartsWith('#') ? line : "0.99\t0.005"));

        var changed = LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new KeptFolds(_folder.FullName));

        changed.Scored.Where(s => s.Corpus == corpora[0].Name || s.Corpus == corpora[2].Name).Should().OnlyContain(s => s.Reading.Status == 0.99f && s.Reading.Urgent == 0.005f);
        changed.Scored.Where(s => s.Corpus == corpora[1].Name).Should().NotContain(s => s.Reading.Status == 0.99f);
    }

    [Theory]
    [InlineData(11, 2)]
    [InlineData(10, 3)]
    public void A_folder_made_by_another_run_is_refused_and_left_as_it_was(int iterations, int groups)
    {
        var corpora = Corpora.All.Take(4).ToList();
        LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new KeptFolds(_folder.FullName));
        var before = _folder.GetFiles().Select(f => (f.Name, f.LastWriteTimeUtc)).ToList();

        var other = () => LeaveOneCorpusOut.Run(corpora, Quick with { Iterations = iterations }, groups: groups, keep: new KeptFolds(_folder.FullName));

        other.Should().Throw<ArgumentException>().WithMessage("*holds the folds of another run*").Which.ParamName.Should().Be("keep");
        _folder.GetFiles().Select(f => (f.Name, f.LastWriteTimeUtc)).Should().BeEquivalentTo(before);
    }

    [Theory]
    [InlineData("not a fold")]
    [InlineData("another fold")]
    [InlineData("a row short")]
    [InlineData("a row too many")]
    [InlineData("a probability out of range")]
    [InlineData("not a number")]
    public void A_kept_fold_that_is_not_this_folds_is_named_rather_than_used(string damage)
    {
        var corpora = Corpora.All.Take(4).ToList();
        LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new KeptFolds(_folder.FullName));
        var first = Path.Combine(_folder.FullName, "fold-0000.tsv");
        var lines = File.ReadAllLines(first);
        File.WriteAllLines(first, damage switch
        {
            "not a fold" => ["not a fold"],
            "another fold" => File.ReadAllLines(Path.Combine(_folder.FullName, "fold-0001.tsv")),
            "a row short" => lines[..^1],
            "a probability out of range" => [.. lines[..^1], "1.5\t0"],
            "not a number" => [.. lines[..^1], "NaN\t0"],
            _ => [.. lines, lines[^1]],
        });

        var run = () => LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new KeptFolds(_folder.FullName));

        run.Should().Throw<AggregateException>().Which.InnerExceptions.Should().ContainSingle()
            .Which.Should().BeOfType<InvalidDataException>().Which.Message.Should().Contain("fold-0000.tsv").And.Contain("delete it");
    }

    [Fact]
    public void The_trainer_builds_the_same_in_any_checkout()
    {
        var trainer = typeof(PingTrainer).Assembly;
        using var stream = File.OpenRead(trainer.Location);
        using var pe = new PEReader(stream);

        pe.ReadDebugDirectory().Should().NotContain(e => e.Type == DebugDirectoryEntryType.CodeView, "the path of a PDB would make each checkout's build another");
        trainer.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Should().NotContain("+", "a commit in the version would make each commit's build another");
    }

    [Fact]
    public void Other_corpora_make_another_run()
    {
        var corpora = Corpora.All.Take(4).ToList();
        LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new KeptFolds(_folder.FullName));

        var other = () => LeaveOneCorpusOut.Run([.. corpora.Take(3), Corpora.All[4]], Quick, groups: 2, keep: new KeptFolds(_folder.FullName));

        other.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("keep");
    }

    private static string Scores(LeaveOneCorpusOut run)
    {
        using var text = new StringWriter();
        run.WriteScores(text);
        return text.ToString();
    }
}
