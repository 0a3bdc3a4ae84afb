using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CheckinBot.Core.Telemetry;

/// <summary>
/// The bot's own trace source and meter, both named <c>CheckinBot</c>: the host exports them (OpenTelemetry, and the
/// meter on <c>/metrics</c>). Base-library types only; with no listener, starting a span costs a null check.
/// Spans and measurements carry ids, never message texts or tokens.
/// </summary>
public static class CheckinTelemetry
{
    public const string SourceName = "CheckinBot";
    public const string MeterName = "CheckinBot";

    public static ActivitySource Source { get; } = new(SourceName);

    public static Meter Meter { get; } = new(MeterName);
}
