using System.Diagnostics.Metrics;
using CheckinBot.Core.Turns;
using Prometheus;

namespace CheckinBot.Host.Turns;

/// <summary>
/// Publishes the core's count of turns refused as "busy" (<see cref="TurnMetrics"/>) as the prometheus-net counter
/// <c>checkinbot_turns_busy_total</c>, by platform.
/// </summary>
public static class BusyMetric
{
    private static readonly Counter Busy = Metrics.CreateCounter(
        "checkinbot_turns_busy_total", "Turns refused as busy because the workers could not keep up.", "platform");

    private static readonly Lazy<MeterListener> Listener = new(Listen);

    /// <summary>Starts forwarding (once per process).</summary>
    public static void Start() => _ = Listener.Value;

    private static MeterListener Listen()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TurnMetrics.MeterName && instrument.Name == TurnMetrics.BusyName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var platform = "";
            foreach (var tag in tags)
            {
                if (tag.Key == "platform")
                {
                    platform = tag.Value as string ?? "";
                }
            }

            Busy.WithLabels(platform).Inc(value);
        });
        listener.Start();
        return listener;
    }
}
