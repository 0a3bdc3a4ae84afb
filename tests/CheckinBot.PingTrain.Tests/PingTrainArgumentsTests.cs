using CheckinBot.Pings.Training;

namespace CheckinBot.PingTrain.Tests;

/// <summary>
/// The training tool's command line: what each option sets, and every misuse named with its reason before anything
/// is loaded or trained (the tool then prints the reason and its usage and exits with 2).
/// </summary>
public class PingTrainArgumentsTests
{
    [Fact]
    public void No_option_trains_the_committed_model()
    {
        var arguments = Parse();

        arguments.Mode.Should().Be(PingTrainMode.Train);
        arguments.Options.Should().Be(TrainingOptions.Committed);
        arguments.CorporaFolder.Should().BeNull();
        arguments.Misreads.Should().BeTrue();
    }

    [Fact]
    public void The_split_the_tests_hold_out_by_is_read_whole()
    {
        var arguments = Parse("--evaluate", "--no-misreads", "--by-set", "--groups", "40", "--scores", "out/scores.tsv");

        arguments.Mode.Should().Be(PingTrainMode.Evaluate);
        arguments.Misreads.Should().BeFalse();
        arguments.BySet.Should().BeTrue();
        arguments.Groups.Should().Be(40);
        arguments.ScoresFile.Should().Be(Path.GetFullPath("out/scores.tsv"));
    }

    [Fact]
    public void Training_options_change_only_what_they_name()
    {
        var arguments = Parse("--evaluate", "--iterations", "120", "--l1", "0.01", "--l2", "0", "--other-weight", "1.5", "--urgent-weight", "2", "--send-order-weight", "0.5");

        arguments.Options.Should().Be(TrainingOptions.Committed with
        {
            Iterations = 120, L1 = 0.01f, L2 = 0f, OtherWeight = 1.5f, UrgentWeight = 2f, SendOrderWeight = 0.5f,
        });
    }

    [Fact]
    public void Sets_after_evaluate_or_first_are_the_extra_sets_and_paths_become_full()
    {
        var evaluate = Parse("--evaluate", "dev.tsv", "other.tsv", "--va", "Ina", "--corpora", "corpora");
        var first = Parse("--first", "new.tsv");

        evaluate.Files.Should().Equal("dev.tsv", "other.tsv");
        evaluate.Va.Should().Be("Ina");
        evaluate.CorporaFolder.Should().Be(Path.GetFullPath("corpora"));
        first.Mode.Should().Be(PingTrainMode.First);
        first.Files.Should().Equal("new.tsv");
    }

    [Theory]
    [InlineData(true, "--first", "new.tsv")]
    [InlineData(false, "--first", "new.tsv", "--iterations", "120")]
    [InlineData(false, "--first", "new.tsv", "--corpora", "corpora")]
    [InlineData(false, "--evaluate")]
    public void First_measures_by_the_committed_model_unless_a_candidate_is_named(bool committed, params string[] args)
    {
        Parse(args).MeasuresByTheCommittedModel.Should().Be(committed);
    }

    [Fact]
    public void The_stacked_experiment_has_four_inner_groups_unless_told()
    {
        Parse("--evaluate", "--stack").StackedInnerFolds.Should().Be(4);
        Parse("--evaluate", "--stack", "--inner", "2").StackedInnerFolds.Should().Be(2);
        Parse("--evaluate").StackedInnerFolds.Should().BeNull();
    }

    [Theory]
    [InlineData("--bogus", "unknown option --bogus")]
    [InlineData("new.tsv", "\"new.tsv\": a set to score or measure goes after --evaluate or --first")]
    [InlineData("--evaluate --first x.tsv", "--first after --evaluate: give one of --evaluate and --first")]
    [InlineData("--evaluate --groups", "--groups needs a value")]
    [InlineData("--evaluate --groups 1", "--groups needs a whole number of 2 or more, not \"1\"")]
    [InlineData("--evaluate --groups forty", "--groups needs a whole number of 2 or more, not \"forty\"")]
    [InlineData("--evaluate --iterations 0", "--iterations needs a whole number of 1 or more, not \"0\"")]
    [InlineData("--evaluate --iterations -5", "--iterations needs a whole number of 1 or more, not \"-5\"")]
    [InlineData("--evaluate --l2 -0.1", "--l2 needs a number of 0 or more, not \"-0.1\"")]
    [InlineData("--evaluate --urgent-weight 0", "--urgent-weight needs a number above 0, not \"0\"")]
    [InlineData("--evaluate --other-weight NaN", "--other-weight needs a number above 0, not \"NaN\"")]
    [InlineData("--evaluate --l1 1,5", "--l1 needs a number of 0 or more, not \"1,5\"")]
    [InlineData("--scores", "--scores needs a value")]
    [InlineData("--evaluate --scores --by-set", "--scores needs a value")]
    public void A_bad_option_or_value_is_named(string line, string reason) =>
        Refusal(line.Split(' ')).Should().Be(reason);

    [Theory]
    [InlineData("--first", "--first needs the new corpora to measure")]
    [InlineData("--l2 0.3", "other training options need --evaluate or --first: the committed model is trained with TrainingOptions.Committed")]
    [InlineData("--groups 40", "--scores, --by-set, --folds, --rounds, --stack, --groups and --no-misreads go with --evaluate")]
    [InlineData("--first new.tsv --folds kept", "--scores, --by-set, --folds, --rounds, --stack, --groups and --no-misreads go with --evaluate")]
    [InlineData("--no-misreads", "--scores, --by-set, --folds, --rounds, --stack, --groups and --no-misreads go with --evaluate")]
    [InlineData("--evaluate --stack --folds kept", "--stack goes with none of --folds, --by-set and --rounds")]
    [InlineData("--evaluate --stack --by-set", "--stack goes with none of --folds, --by-set and --rounds")]
    [InlineData("--evaluate --inner 3", "--inner goes with --stack")]
    [InlineData("--evaluate --rounds rounds.txt --by-set", "--rounds is a split of its own: not with --by-set or --groups")]
    [InlineData("--evaluate --rounds rounds.txt --groups 10", "--rounds is a split of its own: not with --by-set or --groups")]
    public void Options_that_do_not_go_together_are_named_with_the_reason(string line, string reason) =>
        Refusal(line.Split(' ')).Should().Be(reason);

    private static PingTrainArguments Parse(params string[] args)
    {
        var arguments = PingTrainArguments.Parse(args, out var error);
        error.Should().BeNull();
        return arguments!;
    }

    private static string? Refusal(string[] args)
    {
        PingTrainArguments.Parse(args, out var error).Should().BeNull();
        return error;
    }
}
