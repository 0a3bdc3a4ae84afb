using System.Collections.Concurrent;
using System.Diagnostics;
using CheckinBot.Bench.Peers;

namespace CheckinBot.Bench.Tests;

/// <summary>
/// The open loop's pacer sleeps until each request is due (an absolute sleep on Linux, not a processor held in a loop):
/// every request is sent, each at or after its planned moment, the moments one rate-step apart.
/// </summary>
[Collection(OpenLoopPhases.Name)]
public sealed class TheOpenLoopSendsEachRequestAtItsMoment
{
    [Fact]
    public async Task EveryRequestIsSentNoEarlierThanPlanned()
    {
        var sends = new ConcurrentBag<(long Seq, long Planned, long SentAt)>();

        var tally = await LoadDriver.OpenAsync("pacer", perSecond: 500, TimeSpan.FromMilliseconds(200), (seq, planned) =>
        {
            sends.Add((seq, planned, Stopwatch.GetTimestamp()));
            return Task.FromResult(new Outcome(OutcomeKind.Answered, Stopwatch.GetTimestamp()));
        });

        tally.Sent.Should().Be(100);
        var ordered = sends.OrderBy(send => send.Seq).ToArray();
        ordered.Select(send => send.Seq).Should().Equal(Enumerable.Range(0, 100).Select(seq => (long)seq));
        ordered.Should().OnlyContain(send => send.SentAt >= send.Planned, "a request is never sent before its moment");
        var step = Stopwatch.Frequency / 500;
        ordered.Zip(ordered.Skip(1)).Should().OnlyContain(pair => pair.Second.Planned - pair.First.Planned == step);
    }
}
