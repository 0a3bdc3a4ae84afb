using System.Diagnostics.Metrics;
using CheckinBot.Core.Telemetry;

namespace CheckinBot.Host.Telemetry;

/// <summary>What the platforms do to the bot, on the <c>CheckinBot</c> meter: 429s they answer, and how long the bot takes to acknowledge them.</summary>
public static class PlatformMetrics
{
    public const string ThrottledName = "checkinbot.platform.throttled";
    public const string AckDurationName = "checkinbot.ack.duration";

    private static readonly Counter<long> Throttled = CheckinTelemetry.Meter.CreateCounter<long>(ThrottledName, "{response}",
        "HTTP 429 answers from a chat platform's API, by platform (each is waited out and retried).");

    private static readonly Histogram<double> AckDuration = CheckinTelemetry.Meter.CreateHistogram(AckDurationName, "s",
        "From a platform's request arriving to its acknowledgement being sent, by platform.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 3, 5, 10] });

    public static void CountThrottled(string platform) => Throttled.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public static void RecordAck(string platform, string endpoint, TimeSpan elapsed) =>
        AckDuration.Record(elapsed.TotalSeconds, new("platform", platform), new("endpoint", endpoint));
}
