using CheckinBot.Core.Pings;
using CheckinBot.Pings.Evaluation;
using CheckinBot.Pings.Training;

namespace CheckinBot.Pings.Tests;

/// <summary>
/// Row weights at training: weighing the rows of one class more makes the model readier to read a message as that
/// class (other: less ready to answer a status check; urgent: readier to escalate); weighing the conversations in send
/// order more fits the model closer to them.
/// </summary>
public class ClassWeightsTests
{
    private static readonly TrainingOptions Quick = TrainingOptions.Committed with { Iterations = 20 };

    private static readonly List<LabelledCorpus> Training = [.. Corpora.All.Take(3)];

    private static readonly LabelledCorpus Unseen = Corpora.All.Skip(3).First();

    [Fact]
    public void Weighing_other_rows_more_lowers_the_status_probability_of_other_messages()
    {
        var others = Unseen.Samples.Where(s => s.Expected == PingClass.Other).ToList();

        var plain = PingTrainer.Train(Training, Quick);
        var weighted = PingTrainer.Train(Training, Quick with { OtherWeight = 3f });

        Mean(weighted, others, r => r.Status).Should().BeLessThan(Mean(plain, others, r => r.Status));
    }

    [Fact]
    public void Weighing_urgent_rows_more_raises_the_urgent_probability_of_urgent_messages()
    {
        var urgent = Unseen.Samples.Where(s => s.Expected == PingClass.Urgent).ToList();

        var plain = PingTrainer.Train(Training, Quick);
        var weighted = PingTrainer.Train(Training, Quick with { UrgentWeight = 3f });

        Mean(weighted, urgent, r => r.Urgent).Should().BeGreaterThan(Mean(plain, urgent, r => r.Urgent));
    }

    [Fact]
    public void Weighing_the_rows_of_conversations_in_send_order_more_fits_them_closer()
    {
        var conversation = Corpora.All.First(c => c.InSendOrder);
        List<LabelledCorpus> training = [conversation, .. Corpora.All.Where(c => !c.InSendOrder).Take(2)];

        var plain = PingTrainer.Train(training, Quick);
        var weighted = PingTrainer.Train(training, Quick with { SendOrderWeight = 3f });

        Mean(weighted, conversation.Samples, Truth).Should().BeGreaterThan(Mean(plain, conversation.Samples, Truth));

        float Truth(PingReading reading, PingSample sample) => sample.Expected switch
        {
            PingClass.StatusCheck => reading.Status,
            PingClass.Urgent => reading.Urgent,
            _ => 1f - reading.Status - reading.Urgent,
        };
    }

    private static double Mean(LearnedPingClassifier classifier, IEnumerable<PingSample> samples, Func<PingReading, PingSample, float> probability) =>
        samples.Average(s => probability(classifier.Read(s.Text, null, null), s));

    private static double Mean(LearnedPingClassifier classifier, IEnumerable<PingSample> samples, Func<PingReading, float> probability) =>
        samples.Average(s => probability(classifier.Read(s.Text, null, null)));
}
