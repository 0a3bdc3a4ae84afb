using System.Globalization;
using CheckinBot.Core.Pings;
using CheckinBot.Pings.Evaluation;
using CheckinBot.Pings.Training;

namespace CheckinBot.Pings.Tests;

/// <summary><c>--first</c>: a batch of new sets measured by the model of the corpora before them, set by set and pooled.</summary>
public class FirstMeasureTests
{
    private static readonly TrainingOptions Quick = TrainingOptions.Committed with { Iterations = 10 };

    [Fact]
    public void A_batch_is_also_measured_pooled_by_language_with_the_other_messages_given_any_bot_message()
    {
        var corpora = Corpora.All.Take(4).ToList();
        var fresh = Corpora.All.Skip(4).Take(2).ToList();
        var model = PingTrainer.Train(corpora, Quick);
        var pooled = PingEvaluation.Measure(fresh.SelectMany(set =>
            set.Samples.Select(sample => (sample, model.Classify(sample.Text, null, PingAddressees.Named(set.VaNames), set.OpenWork)))));
        var answered = pooled.Overall.Confusion[PingClass.Other, PingClass.StatusCheck] + pooled.Overall.Confusion[PingClass.Other, PingClass.Urgent];

        var text = PingTrainingReports.FirstMeasure(corpora, fresh, Quick);

        text.Should().Contain($"Pooled over 2 sets ({fresh.Sum(f => f.Samples.Count)} rows)");
        var others = pooled.Overall.Confusion.Labelled(PingClass.Other);
        text.Should().EndWith(PingTrainingReports.Table(pooled)
            + string.Create(CultureInfo.InvariantCulture, $"other messages given any bot message: {answered} of {others} ({(double)answered / others:0.0%})") + Environment.NewLine);
    }

    [Fact]
    public void A_batch_in_send_order_is_also_measured_without_the_emergency_rule()
    {
        var corpora = Corpora.All.Take(4).ToList();
        var fresh = Corpora.All.Where(c => c.InSendOrder).Take(2).ToList();
        var model = PingTrainer.Train(corpora, Quick);
        var without = PingEvaluation.Measure(fresh.SelectMany(set =>
            set.Samples.Select(sample => (sample, model.Classify(sample.Text, null, PingAddressees.Named(set.VaNames), set.OpenWork)))));

        var text = PingTrainingReports.FirstMeasure(corpora, fresh, Quick);

        fresh.Should().HaveCount(2);
        text.Should().Contain("rows, in send order)")
            .And.Contain("the same without reading a row after an urgent one as part of the emergency:" + Environment.NewLine + PingTrainingReports.Table(without));
    }

    [Fact]
    public void A_single_set_is_measured_alone()
    {
        var corpora = Corpora.All.Take(4).ToList();

        var text = PingTrainingReports.FirstMeasure(corpora, [Corpora.All[4]], Quick);

        text.Should().Contain("First measurement of").And.NotContain("Pooled");
    }

    [Fact]
    public void By_default_new_sets_are_measured_by_the_committed_model_the_bot_serves()
    {
        var fresh = Corpora.All.Where(c => c.InSendOrder).Take(2).ToList();
        var committed = PingClassifiers.Committed;
        var expected = PingEvaluation.Measure(fresh.SelectMany(set => LeaveOneCorpusOut.Score(committed, set, featureNames: false).Select(s => (s.Sample, s.Reading.Verdict))));

        var text = PingTrainingReports.FirstMeasureByTheCommittedModel(Corpora.All, fresh, File.ReadLines(CommittedModelTests.TrainedFromFile));

        text.Should().Contain($"), the committed model, trained from {Corpora.All.Count} corpora")
            .And.Contain($"Pooled over 2 sets ({fresh.Sum(f => f.Samples.Count)} rows)" + Environment.NewLine + PingTrainingReports.Table(expected));
    }

    [Theory]
    [InlineData("inputs: 00FF")]
    [InlineData("rows: 10 in 2 corpora")]
    public void The_committed_model_does_not_measure_when_it_was_trained_from_other_inputs(string trainedFrom)
    {
        var corpora = Corpora.All.Take(4).ToList();

        var measure = () => PingTrainingReports.FirstMeasureByTheCommittedModel(corpora, [Corpora.All[4]], [trainedFrom]);

        measure.Should().Throw<InvalidDataException>().WithMessage("*train*");
    }
}
