using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>How planning and delivery behave; bound from the <c>Delivery</c> configuration section by the host.</summary>
public sealed class DeliveryOptions
{
    /// <summary>How long before an occurrence the VA is reminded.</summary>
    public Duration ReminderLead { get; set; } = Duration.FromMinutes(15);

    /// <summary>An occurrence missed through downtime is still posted, late, within this period; after it, it is recorded as missed.</summary>
    public Duration GracePeriod { get; set; } = Duration.FromHours(2);

    /// <summary>A post this long after its due time carries a note that it is late.</summary>
    public Duration LateAfter { get; set; } = Duration.FromMinutes(2);

    /// <summary>
    /// How long a claim holds an occurrence before another worker may take it over. Counted from the moment of each claim,
    /// and renewed every third of it while the worker is still posting, so a node that dies leaves its work to the others
    /// within one lease. Short, so that a dead node's part of a burst is out well within 30 s of the due minute; a renewal
    /// is one small statement, so renewing every few seconds costs little.
    /// </summary>
    public Duration Lease { get; set; } = Duration.FromSeconds(10);

    /// <summary>How many times an occurrence is claimed before it is given up as missed (and the VA told).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>At most this many outcomes go into one write to the ledger.</summary>
    public int RecordBatch { get; set; } = 500;

    /// <summary>How far back the planner looks after downtime.</summary>
    public Duration MaxCatchUp { get; set; } = Duration.FromDays(7);

    /// <summary>How many occurrences a worker claims at once.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How many conversations a worker posts to at once.</summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>This node's name in leases.</summary>
    public string WorkerId { get; set; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>The planner writes occurrences this far ahead, so reminders find their row.</summary>
    public Duration PlanningHorizon => ReminderLead + Duration.FromMinutes(5);
}
