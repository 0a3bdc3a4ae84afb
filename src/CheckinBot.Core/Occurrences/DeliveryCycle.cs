using CheckinBot.Core.Telemetry;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>One tick of the clock: plan what is coming, then deliver what is due.</summary>
public sealed class DeliveryCycle(OccurrencePlanner planner, OccurrenceDelivery delivery, IOccurrenceLedger ledger, TimeProvider time)
{
    /// <summary>A little past a lease's end before claiming again, so the claim does not find it a moment too early.</summary>
    private static readonly Duration PastExpiry = Duration.FromMilliseconds(100);

    public async Task<(int Planned, DeliveryReport Delivered)> RunAsync(Instant now, CancellationToken cancellationToken)
    {
        using var activity = DeliveryTelemetry.StartCycle(now);
        var planned = await planner.PlanAsync(now, cancellationToken);
        var delivered = await delivery.DeliverDueAsync(now, cancellationToken);
        DeliveryTelemetry.Finish(activity, planned, delivered);
        return (planned, delivered);
    }

    /// <summary>
    /// Runs the cycle, then, until <paramref name="until"/>, keeps delivering while occurrences that are due are held by a
    /// lease, waking when the first of those leases runs out: the work of a node that died goes out within a lease, not at
    /// the next minute. A live node renews its leases, and then this one only looks again.
    /// </summary>
    public async Task<(int Planned, DeliveryReport Delivered)> RunUntilAsync(Instant now, Instant until, CancellationToken cancellationToken)
    {
        var clock = new DeliveryClock(now, time);
        var (planned, report) = await RunAsync(now, cancellationToken);
        while (await ledger.NextLeaseExpiryAsync(clock.Now(), cancellationToken) is { } expiry && expiry + PastExpiry < until)
        {
            var wait = expiry + PastExpiry - clock.Now();
            if (wait > Duration.Zero)
            {
                await Task.Delay(wait.ToTimeSpan(), time, cancellationToken);
            }

            var more = await delivery.DeliverDueAsync(clock.Now(), cancellationToken);
            report = report with
            {
                Posted = report.Posted + more.Posted,
                Late = report.Late + more.Late,
                Missed = report.Missed + more.Missed,
                Cancelled = report.Cancelled + more.Cancelled,
                Reminders = report.Reminders + more.Reminders,
                Failures = [.. report.Failures, .. more.Failures],
            };
        }

        return (planned, report);
    }
}
