using System.Diagnostics;
using CheckinBot.Bench.Peers;

namespace CheckinBot.Bench.Tests;

public sealed class LatencyCountsWhatWasNotAnswered
{
    [Fact]
    public void PercentilesAreTheNearestRankOverEverythingSent()
    {
        var tally = new Tally("bot");
        for (var ms = 1; ms <= 100; ms++)
        {
            tally.Add(new Outcome(OutcomeKind.Answered, At(ms)), plannedAt: 0);
        }

        tally.Percentile(0.5).Should().BeApproximately(50, 0.01);
        tally.Percentile(0.99).Should().BeApproximately(99, 0.01);
    }

    [Fact]
    public void UnansweredRequestsCountAsSlowerThanEveryAnswer()
    {
        var tally = new Tally("bot");
        for (var ms = 1; ms <= 98; ms++)
        {
            tally.Add(new Outcome(OutcomeKind.Answered, At(ms)), plannedAt: 0);
        }

        tally.Add(new Outcome(OutcomeKind.Unanswered, At(3_000)), plannedAt: 0);
        tally.Add(new Outcome(OutcomeKind.Busy, At(2)), plannedAt: 0);

        tally.Percentile(0.5).Should().BeApproximately(50, 0.01);
        tally.Percentile(0.99).Should().BeNull("two of a hundred got no answer");
        (tally.Sent, tally.Answered, tally.Unanswered, tally.Busy).Should().Be((100, 98, 1, 1));
    }

    [Fact]
    public void AnsweredPerSecondIsOverTheWholeRun()
    {
        var tally = new Tally("bot") { Elapsed = TimeSpan.FromSeconds(2) };
        tally.Add(new Outcome(OutcomeKind.Answered, At(1)), plannedAt: 0);
        tally.Add(new Outcome(OutcomeKind.Answered, At(1)), plannedAt: 0);
        tally.Add(new Outcome(OutcomeKind.Refused, At(1)), plannedAt: 0);

        tally.AnsweredPerSecond.Should().Be(1);
    }

    private static long At(double ms) => (long)(ms * Stopwatch.Frequency / 1000);
}
