using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using CheckinBot.Core.Telemetry;
using CheckinBot.Core.Turns;
using Prometheus;

namespace CheckinBot.Host.Telemetry;

/// <summary>
/// Publishes the <c>CheckinBot</c> meter on <c>/metrics</c> with Prometheus' names: a counter
/// <c>checkinbot.occurrences.delivered</c> as <c>checkinbot_occurrences_delivered_total</c>, a histogram in seconds
/// <c>checkinbot.ack.duration</c> as <c>checkinbot_ack_duration_seconds</c>, its tags as labels.
/// </summary>
/// <remarks>
/// prometheus-net 8's <c>MeterAdapter</c> publishes .NET meters too, but not in these names or types: it names a metric
/// after meter and instrument (<c>checkinbot_checkinbot_occurrences_delivered</c>), makes every counter a gauge without
/// <c>_total</c>, drops a series after five minutes without a measurement, and listens only from the first scrape on, so
/// counts made before it are lost. The names on <c>/metrics</c> are documented and scraped; this bridge keeps them, and the
/// adapter is told to leave the bot's meters alone (<see cref="Publishes"/>).
/// </remarks>
public static class PrometheusBridge
{
    private static readonly ConcurrentDictionary<Instrument, Publish> Published = new();
    private static readonly Lazy<MeterListener> Listener = new(Listen);

    /// <summary>True for the meters this bridge publishes: the bot's own (<c>CheckinBot</c>, and <c>CheckinBot.Turns</c>, whose one counter <c>BusyMetric</c> publishes).</summary>
    public static bool Publishes(Meter meter) => meter.Name is CheckinTelemetry.MeterName or TurnMetrics.MeterName;

    /// <summary>Starts publishing (once per process).</summary>
    public static void Start() => _ = Listener.Value;

    /// <summary>The Prometheus name of an instrument of the bot's meter.</summary>
    public static string NameOf(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_');
        return instrument switch
        {
            Counter<long> => name + "_total",
            Histogram<double> when instrument.Unit == "s" => name + "_seconds",
            _ => name,
        };
    }

    private static MeterListener Listen()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CheckinTelemetry.MeterName && instrument is Counter<long> or Histogram<double>)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        return listener;
    }

    /// <summary>
    /// One measurement: its tags' values become the labels' values. The collector is looked up without a closure, the tags'
    /// names are copied only for an instrument's first measurement, and up to <see cref="LabelValues"/>' length of values
    /// are held on the stack (each slash command records its acknowledgement here: 330 bytes a command before).
    /// </summary>
    private static void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!Published.TryGetValue(instrument, out var publish))
        {
            var names = new string[tags.Length];
            for (var i = 0; i < tags.Length; i++)
            {
                names[i] = tags[i].Key;
            }

            publish = Published.GetOrAdd(instrument, Collector(instrument, names));
        }

        var held = default(LabelValues);
        Span<string> values = tags.Length <= LabelValues.Length ? ((Span<string>)held)[..tags.Length] : new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            values[i] = tags[i].Value?.ToString() ?? "";
        }

        publish(value, values);
    }

    private delegate void Publish(double value, ReadOnlySpan<string> labelValues);

    /// <summary>Room for the label values of a measurement with few tags (the bot's have one to three).</summary>
    [InlineArray(Length)]
    private struct LabelValues
    {
        public const int Length = 4;

        private string value;
    }

    /// <summary>The collector of one instrument; its label names are its tags' keys, the same on every measurement.</summary>
    private static Publish Collector(Instrument instrument, string[] labels)
    {
        var help = string.IsNullOrEmpty(instrument.Description) ? instrument.Name : instrument.Description;
        if (instrument is Histogram<double> histogram)
        {
            var buckets = histogram.Advice?.HistogramBucketBoundaries?.ToArray() ?? Histogram.ExponentialBuckets(0.01, 2, 20);
            var collector = Metrics.CreateHistogram(NameOf(instrument), help, new HistogramConfiguration { LabelNames = labels, Buckets = buckets });
            return (value, values) => collector.WithLabels(values).Observe(value);
        }

        var counter = Metrics.CreateCounter(NameOf(instrument), help, labels);
        return (value, values) => counter.WithLabels(values).Inc(value);
    }
}
