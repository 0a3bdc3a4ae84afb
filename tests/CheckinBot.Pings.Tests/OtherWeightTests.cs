using CheckinBot.Core.Pings;
using CheckinBot.Pings.Training;

namespace CheckinBot.Pings.Tests;

/// <summary>Class weights at training: weighing the rows labelled other more makes the model less ready to read a message as a status check.</summary>
public class OtherWeightTests
{
    [Fact]
    public void Weighing_other_rows_more_lowers_the_status_probability_of_other_messages()
    {
        var corpora = Corpora.All.Take(3).ToList();
        var options = TrainingOptions.Committed with { Iterations = 20 };
        var others = Corpora.All.Skip(3).First().Samples.Where(s => s.Expected == PingClass.Other).ToList();

        var plain = PingTrainer.Train(corpora, options);
        var weighted = PingTrainer.Train(corpora, options with { OtherWeight = 3f });

        MeanStatus(weighted, others).Should().BeLessThan(MeanStatus(plain, others));
    }

    private static double MeanStatus(LearnedPingClassifier classifier, IEnumerable<CheckinBot.Pings.Evaluation.PingSample> samples) =>
        samples.Average(s => classifier.Read(s.Text, null, null).Status);
}
