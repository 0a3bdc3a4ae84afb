using CheckinBot.Core.Telemetry;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>
/// The clock's two tasks: planning what is coming (every minute, on one node) and delivering what is due (on every node,
/// whenever something falls due or a lease runs out). Time travel and tests run both at one moment.
/// </summary>
public sealed class DeliveryCycle(OccurrencePlanner planner, OccurrenceDelivery delivery, IOccurrenceLedger ledger)
{
    /// <summary>A little past a lease's end before claiming again, so the claim does not find it a moment too early.</summary>
    private static readonly Duration PastExpiry = Duration.FromMilliseconds(100);

    /// <summary>Plans, then delivers, at <paramref name="now"/>.</summary>
    public async Task<(int Planned, DeliveryReport Delivered)> RunAsync(Instant now, CancellationToken cancellationToken)
    {
        using var activity = DeliveryTelemetry.StartCycle(now);
        var planned = await planner.PlanAsync(now, cancellationToken);
        var delivered = await delivery.DeliverDueAsync(now, cancellationToken);
        DeliveryTelemetry.Finish(activity, planned, delivered);
        return (planned, delivered);
    }

    /// <summary>Writes the occurrences due up to the planning horizon; what must run once, on one node.</summary>
    public Task<int> PlanAsync(Instant now, CancellationToken cancellationToken) => planner.PlanAsync(now, cancellationToken);

    /// <summary>Sends the reminders and posts the occurrences that are due at <paramref name="now"/> and free to claim.</summary>
    public async Task<DeliveryReport> DeliverAsync(Instant now, CancellationToken cancellationToken)
    {
        using var activity = DeliveryTelemetry.StartCycle(now);
        var delivered = await delivery.DeliverDueAsync(now, cancellationToken);
        DeliveryTelemetry.Finish(activity, 0, delivered);
        return delivered;
    }

    /// <summary>
    /// When delivery next has work, as the ledger stands at <paramref name="now"/>: the next minute (when planned
    /// occurrences fall due), the next post or reminder due before it, or just after the earliest lease on a due occurrence
    /// runs out (a node that died, or a post given back to be tried again); never later than <paramref name="latest"/>.
    /// </summary>
    public async Task<Instant> NextWakeAsync(Instant now, Instant latest, CancellationToken cancellationToken)
    {
        var next = Instant.Min(latest, Instant.FromUnixTimeSeconds((now.ToUnixTimeSeconds() / 60 + 1) * 60));
        if (await ledger.NextDueAfterAsync(now, cancellationToken) is { } due)
        {
            next = Instant.Min(next, due);
        }

        if (await ledger.NextLeaseExpiryAsync(now, cancellationToken) is { } expiry)
        {
            next = Instant.Min(next, expiry + PastExpiry);
        }

        return next;
    }
}
