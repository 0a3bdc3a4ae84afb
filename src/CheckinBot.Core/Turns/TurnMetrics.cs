using System.Diagnostics.Metrics;

namespace CheckinBot.Core.Turns;

/// <summary>
/// The core's meter (<c>CheckinBot.Turns</c>): turns refused as "busy" because the workers could not keep up, and
/// senders whose introduction was skipped because its queue was full. The host
/// publishes it on <c>/metrics</c>.
/// </summary>
public static class TurnMetrics
{
    public const string MeterName = "CheckinBot.Turns";

    /// <summary>The instrument's name; the host publishes it as <c>checkinbot_turns_busy_total</c>.</summary>
    public const string BusyName = "checkinbot.turns.busy";

    /// <summary>The instrument's name; the host publishes it as <c>checkinbot_introductions_skipped_total</c>.</summary>
    public const string IntroductionsSkippedName = "checkinbot.introductions.skipped";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Busy = Meter.CreateCounter<long>(BusyName, description: "Turns refused as busy because the workers could not keep up.");

    private static readonly Counter<long> IntroductionsSkipped = Meter.CreateCounter<long>(
        IntroductionsSkippedName, description: "Senders not introduced after a read-only turn because the introduction queue was full.");

    public static void CountIntroductionSkipped(string platform) =>
        IntroductionsSkipped.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public static void CountBusy(string platform) => Busy.Add(1, new KeyValuePair<string, object?>("platform", platform));
}
