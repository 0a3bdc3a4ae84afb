using System.Diagnostics;
using CheckinBot.Bench.Peers;

namespace CheckinBot.Bench.Tests;

/// <summary>
/// The load generator's own context switches count its threads that ended during the phase: read per live thread, their
/// switches went with them, and the phase's figure could come out negative.
/// </summary>
public sealed class ContextSwitchesCountEndedThreads
{
    [Fact]
    public void The_generators_switches_include_those_of_threads_that_have_ended()
    {
        const int threads = 16, sleeps = 50;
        var before = ContextSwitches.Of(Environment.ProcessId);

        var sleepers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < sleeps; i++)
            {
                Thread.Sleep(1);
            }
        })).ToList();
        sleepers.ForEach(thread => thread.Start());
        sleepers.ForEach(thread => thread.Join());

        var after = ContextSwitches.Of(Environment.ProcessId);
        (after.Voluntary - before.Voluntary).Should().BeGreaterThanOrEqualTo(threads * sleeps);
    }

    [Fact]
    public void Another_process_is_read_thread_by_thread()
    {
        using var other = Process.Start(new ProcessStartInfo("sleep", "5") { UseShellExecute = false })!;
        try
        {
            var read = ContextSwitches.Of(other.Id);

            read.Threads.Should().Be(1);
            read.Voluntary.Should().BeLessThan(ContextSwitches.Of(Environment.ProcessId).Voluntary, "a sleep just started, not this test host");
        }
        finally
        {
            other.Kill();
        }
    }
}
