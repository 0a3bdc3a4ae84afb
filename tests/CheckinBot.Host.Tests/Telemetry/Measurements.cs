using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CheckinBot.Core.Telemetry;
using CheckinBot.Core.Turns;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>Listens to the bot's meters (<c>CheckinBot</c>, <c>CheckinBot.Turns</c>) and keeps every measurement, by instrument.</summary>
public sealed class Measurements : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> taken = new();

    public Measurements()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name is CheckinTelemetry.MeterName or TurnMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        listener.Start();
    }

    /// <summary>The values recorded on <paramref name="instrument"/>, optionally only those with a tag of that value.</summary>
    public IReadOnlyList<double> Of(string instrument, string? tag = null, string? value = null) =>
        taken.Where(m => m.Instrument == instrument && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), value))).Select(m => m.Value).ToList();

    public double Sum(string instrument, string? tag = null, string? value = null) => Of(instrument, tag, value).Sum();

    public void Dispose() => listener.Dispose();

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = tag.Value;
        }

        taken.Enqueue((instrument.Name, value, dictionary));
    }
}
