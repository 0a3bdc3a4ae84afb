using CheckinBot.Core.Conversations;
using CheckinBot.Core.Occurrences;
using Microsoft.Extensions.Logging;
using NodaTime;
using Quartz;

namespace CheckinBot.Scheduling;

/// <summary>
/// Every minute, on one node of the cluster: plan what is coming, at the bot's now, and forget inbound event ids past
/// every retry. Delivering is not here: every node runs its own <see cref="DeliveryLoop"/>, which this job wakes when it
/// planned something, since what it planned may be due already.
/// </summary>
public sealed partial class PlanningJob(DeliveryCycle cycle, IEventLedger events, TimeProvider time, ILogger<PlanningJob> logger, DeliveryLoop? loop = null) : IJob
{
    /// <summary>
    /// Named when this job also delivered; the name stays so that a Quartz store written by an earlier version has its
    /// job replaced, not kept beside this one.
    /// </summary>
    public static readonly JobKey Key = new("plan-and-deliver", "checkinbot");

    /// <summary>Slack retries an event within about an hour and Teams within minutes; ids are kept far longer than that.</summary>
    public static readonly Duration EventRetention = Duration.FromDays(3);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var planned = await cycle.PlanAsync(now, cancellationToken);
        if (planned > 0)
        {
            loop?.Wake();
            LogPlanned(planned);
        }

        await events.PruneAsync(now - EventRetention, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Planned {Planned} occurrences")]
    private partial void LogPlanned(int planned);
}
