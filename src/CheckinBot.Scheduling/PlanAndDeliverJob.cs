using CheckinBot.Core.Conversations;
using CheckinBot.Core.Occurrences;
using Microsoft.Extensions.Logging;
using NodaTime;
using Quartz;

namespace CheckinBot.Scheduling;

/// <summary>Every minute: plan what is coming and deliver what is due, at the bot's now; forget inbound event ids past every retry.</summary>
public sealed partial class PlanAndDeliverJob(DeliveryCycle cycle, IEventLedger events, TimeProvider time, ILogger<PlanAndDeliverJob> logger) : IJob
{
    public static readonly JobKey Key = new("plan-and-deliver", "checkinbot");

    /// <summary>Slack retries an event within about an hour and Teams within minutes; ids are kept far longer than that.</summary>
    public static readonly Duration EventRetention = Duration.FromDays(3);

    /// <summary>The cycle gives the minute back this long before its end, so the next minute's run starts on time.</summary>
    private static readonly Duration MinuteMargin = Duration.FromSeconds(2);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());

        // Within its minute the cycle keeps watching leases that run out, so a node that died costs a lease, not a minute.
        var minuteEnd = Instant.FromUnixTimeSeconds((now.ToUnixTimeSeconds() / 60 + 1) * 60) - MinuteMargin;
        var (planned, report) = await cycle.RunUntilAsync(now, minuteEnd, cancellationToken);
        await events.PruneAsync(now - EventRetention, cancellationToken);
        if (planned > 0 || report.Posted + report.Missed + report.Reminders + report.Failures.Count > 0)
        {
            LogCycle(planned, report.Posted, report.Late, report.Missed, report.Cancelled, report.Reminders, report.Failures.Count);
        }

        foreach (var failure in report.Failures)
        {
            LogFailure(failure.OccurrenceId, failure.Error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Cycle: planned {Planned}, posted {Posted} ({Late} late), missed {Missed}, cancelled {Cancelled}, reminders {Reminders}, failed {Failed}")]
    private partial void LogCycle(int planned, int posted, int late, int missed, int cancelled, int reminders, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Occurrence {OccurrenceId} not posted ({Error}); it will be tried again")]
    private partial void LogFailure(Guid occurrenceId, string error);
}
