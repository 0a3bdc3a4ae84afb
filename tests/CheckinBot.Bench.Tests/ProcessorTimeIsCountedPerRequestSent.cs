using System.Diagnostics;
using CheckinBot.Bench.Peers;

namespace CheckinBot.Bench.Tests;

public sealed class ProcessorTimeIsCountedPerRequestSent
{
    [Fact]
    public void TheSystemsProcessorTimeIsSharedOverEverythingSentAnsweredOrNot()
    {
        var tally = new Tally("bot") { Cpu = TimeSpan.FromMilliseconds(300) };
        tally.Add(new Outcome(OutcomeKind.Answered, Stopwatch.GetTimestamp()), plannedAt: 0);
        tally.Add(new Outcome(OutcomeKind.Unanswered, Stopwatch.GetTimestamp()), plannedAt: 0);
        tally.Add(new Outcome(OutcomeKind.Busy, Stopwatch.GetTimestamp()), plannedAt: 0);

        tally.CpuPerRequest.Should().BeApproximately(100, 0.001);
    }

    [Fact]
    public void NothingIsClaimedWhenTheProcessorTimeWasNotMeasured()
    {
        var tally = new Tally("bot");
        tally.Add(new Outcome(OutcomeKind.Answered, Stopwatch.GetTimestamp()), plannedAt: 0);

        tally.CpuPerRequest.Should().BeNull();
    }
}
