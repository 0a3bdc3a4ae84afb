using CheckinBot.Core.Telemetry;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>One tick of the clock: plan what is coming, then deliver what is due.</summary>
public sealed class DeliveryCycle(OccurrencePlanner planner, OccurrenceDelivery delivery)
{
    public async Task<(int Planned, DeliveryReport Delivered)> RunAsync(Instant now, CancellationToken cancellationToken)
    {
        using var activity = DeliveryTelemetry.StartCycle(now);
        var planned = await planner.PlanAsync(now, cancellationToken);
        var delivered = await delivery.DeliverDueAsync(now, cancellationToken);
        DeliveryTelemetry.Finish(activity, planned, delivered);
        return (planned, delivered);
    }
}
