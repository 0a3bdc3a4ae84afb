using System.Diagnostics.Metrics;
using CheckinBot.Core.Turns;
using Prometheus;

namespace CheckinBot.Host.Turns;

/// <summary>
/// Publishes the core's counts (<see cref="TurnMetrics"/>) of turns refused as "busy" and of introductions skipped as
/// the prometheus-net counters <c>checkinbot_turns_busy_total</c> and <c>checkinbot_introductions_skipped_total</c>, by platform.
/// </summary>
public static class BusyMetric
{
    private static readonly Counter Busy = Metrics.CreateCounter(
        "checkinbot_turns_busy_total", "Turns refused as busy because the workers could not keep up.", "platform");

    private static readonly Counter IntroductionsSkipped = Metrics.CreateCounter(
        "checkinbot_introductions_skipped_total", "Senders not introduced after a read-only turn because the introduction queue was full.", "platform");

    private static readonly Lazy<MeterListener> Listener = new(Listen);

    /// <summary>Starts forwarding (once per process).</summary>
    public static void Start() => _ = Listener.Value;

    private static MeterListener Listen()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TurnMetrics.MeterName && instrument.Name is TurnMetrics.BusyName or TurnMetrics.IntroductionsSkippedName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var platform = "";
            foreach (var tag in tags)
            {
                if (tag.Key == "platform")
                {
                    platform = tag.Value as string ?? "";
                }
            }

            (instrument.Name == TurnMetrics.BusyName ? Busy : IntroductionsSkipped).WithLabels(platform).Inc(value);
        });
        listener.Start();
        return listener;
    }
}
