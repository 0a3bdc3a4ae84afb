using CheckinBot.Pings.Evaluation;
using CheckinBot.Pings.Training;

namespace CheckinBot.Pings.Tests;

/// <summary>
/// The stacking experiment (<c>--evaluate --stack</c>) is judged on the same folds as the linear model: its linear half is
/// the plain leave-out run, and every held-out row is scored once by trees that never saw its corpus.
/// </summary>
public class StackedTreesExperimentTests
{
    private static readonly TrainingOptions Quick = TrainingOptions.Committed with { Iterations = 10 };

    [Fact]
    public void The_linear_half_of_a_stacked_run_is_the_plain_leave_out_run()
    {
        var corpora = Corpora.All.Take(6).ToList();

        var (linear, _) = LeaveOneCorpusOut.RunStacked(corpora, Quick, groups: 2, innerFolds: 2);
        var plain = LeaveOneCorpusOut.Run(corpora, Quick, groups: 2);

        PingTrainingReports.Table(linear.Report()).Should().Be(PingTrainingReports.Table(plain.Report()));
    }

    [Fact]
    public void The_stacked_trees_score_every_held_out_row_exactly_once()
    {
        var corpora = Corpora.All.Take(6).ToList();

        var (linear, stacked) = LeaveOneCorpusOut.RunStacked(corpora, Quick, groups: 2, innerFolds: 2);

        stacked.Corpora.Should().BeEquivalentTo(corpora.Select(c => c.Name));
        stacked.Report().Overall.Total.Should().Be(corpora.Sum(c => c.Samples.Count));
        stacked.Scored.Select(s => s.Reading.Status).Should().NotEqual(linear.Scored.Select(s => s.Reading.Status), "the trees, not the linear model, give the status probability");
    }
}
