using CheckinBot.Pings.Evaluation;
using CheckinBot.Pings.Training;

namespace CheckinBot.Pings.Tests;

/// <summary>A long split kept fold by fold: started again with its folder, it trains only the folds not yet there, and gives the same figures.</summary>
public sealed class KeptFoldsTests : IDisposable
{
    private static readonly TrainingOptions Quick = TrainingOptions.Committed with { Iterations = 10 };
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("checkinbot-folds-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_run_kept_in_a_folder_gives_the_scores_of_a_run_that_keeps_nothing()
    {
        var corpora = Corpora.All.Take(4).ToList();

        var kept = LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new FoldModels(_folder.FullName));

        Scores(kept).Should().Be(Scores(LeaveOneCorpusOut.Run(corpora, Quick, groups: 2)));
        _folder.GetFiles("fold-*.bin").Select(f => f.Name).Should().BeEquivalentTo(["fold-0000.bin", "fold-0001.bin"]);
        _folder.GetFiles("*.part").Should().BeEmpty();
    }

    [Fact]
    public void Started_again_the_run_reads_the_kept_folds_back_and_trains_only_the_missing_one()
    {
        var corpora = Corpora.All.Take(4).ToList();
        var first = Scores(LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new FoldModels(_folder.FullName)));
        var kept = new FileInfo(Path.Combine(_folder.FullName, "fold-0000.bin"));
        var keptAt = kept.LastWriteTimeUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.Delete(Path.Combine(_folder.FullName, "fold-0001.bin"));

        var again = Scores(LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new FoldModels(_folder.FullName)));

        again.Should().Be(first);
        new FileInfo(kept.FullName).LastWriteTimeUtc.Should().Be(keptAt, "a kept fold is read, not trained and written again");
        File.Exists(Path.Combine(_folder.FullName, "fold-0001.bin")).Should().BeTrue("the missing fold is trained and kept");
    }

    [Fact]
    public void A_kept_fold_is_what_the_run_scores_with()
    {
        var corpora = Corpora.All.Take(4).ToList();
        LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new FoldModels(_folder.FullName));
        var first = Path.Combine(_folder.FullName, "fold-0000.bin");
        File.Copy(Path.Combine(_folder.FullName, "fold-0001.bin"), first, overwrite: true);

        var swapped = LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new FoldModels(_folder.FullName));

        Scores(swapped).Should().NotBe(Scores(LeaveOneCorpusOut.Run(corpora, Quick, groups: 2)), "the first fold was scored by the model the folder held for it");
    }

    [Theory]
    [InlineData(11, 2)]
    [InlineData(10, 3)]
    public void A_folder_made_by_another_run_is_refused_and_left_as_it_was(int iterations, int groups)
    {
        var corpora = Corpora.All.Take(4).ToList();
        LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new FoldModels(_folder.FullName));
        var before = _folder.GetFiles().Select(f => (f.Name, f.LastWriteTimeUtc)).ToList();

        var other = () => LeaveOneCorpusOut.Run(corpora, Quick with { Iterations = iterations }, groups: groups, keep: new FoldModels(_folder.FullName));

        other.Should().Throw<ArgumentException>().WithMessage("*holds the models of another run*").Which.ParamName.Should().Be("keep");
        _folder.GetFiles().Select(f => (f.Name, f.LastWriteTimeUtc)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void A_kept_fold_that_is_not_a_model_is_named_rather_than_used()
    {
        var corpora = Corpora.All.Take(4).ToList();
        LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new FoldModels(_folder.FullName));
        File.WriteAllText(Path.Combine(_folder.FullName, "fold-0000.bin"), "not a model");

        var run = () => LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new FoldModels(_folder.FullName));

        run.Should().Throw<AggregateException>().Which.InnerExceptions.Should().ContainSingle()
            .Which.Should().BeOfType<InvalidDataException>().Which.Message.Should().Contain("fold-0000.bin").And.Contain("delete it");
    }

    [Fact]
    public void Other_corpora_make_another_run()
    {
        var corpora = Corpora.All.Take(4).ToList();
        LeaveOneCorpusOut.Run(corpora, Quick, groups: 2, keep: new FoldModels(_folder.FullName));

        var other = () => LeaveOneCorpusOut.Run([.. corpora.Take(3), Corpora.All[4]], Quick, groups: 2, keep: new FoldModels(_folder.FullName));

        other.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("keep");
    }

    private static string Scores(LeaveOneCorpusOut run)
    {
        using var text = new StringWriter();
        run.WriteScores(text);
        return text.ToString();
    }
}
