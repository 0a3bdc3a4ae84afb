using System.Diagnostics;

namespace CheckinBot.Host.Health;

/// <summary>
/// Where start spends its time: each step's wall time since the host began building and the process' CPU time, logged
/// at Debug (category <c>CheckinBot.Host.Health.StartupTimeline</c>) once the host has started, and again when it is first ready.
/// </summary>
public sealed partial class StartupTimeline
{
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly List<(string Step, TimeSpan Wall, TimeSpan Processor)> steps = [];
    private ILogger? logger;

    public StartupTimeline() => Mark("host building (CPU before is the runtime's start)");

    /// <summary>Notes that a step of the start has finished.</summary>
    public void Mark(string step)
    {
        var entry = (step, Stopwatch.GetElapsedTime(started), Process.GetCurrentProcess().TotalProcessorTime);
        lock (steps)
        {
            steps.Add(entry);
        }

        if (logger is not null)
        {
            Step(logger, entry.step, entry.Item2.TotalMilliseconds, entry.Item3.TotalMilliseconds);
        }
    }

    /// <summary>Writes the steps so far, and each later one as it comes.</summary>
    public void LogTo(ILogger target)
    {
        lock (steps)
        {
            foreach (var (step, wall, processor) in steps)
            {
                Step(target, step, wall.TotalMilliseconds, processor.TotalMilliseconds);
            }
        }

        logger = target;
    }

    [LoggerMessage(9100, LogLevel.Debug, "start: {Step} at {WallMs:F0} ms, {ProcessorMs:F0} ms of CPU")]
    private static partial void Step(ILogger logger, string step, double wallMs, double processorMs);
}
