using System.Globalization;
using System.Text;
using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Evaluation;

/// <summary>How precision and recall move with the thresholds, on the leave-one-corpus-out readings.</summary>
public static class ThresholdSweep
{
    private static readonly float[] StatusSteps = [0.30f, 0.40f, 0.50f, 0.55f, 0.60f, 0.65f, 0.70f, 0.75f, 0.78f, 0.80f, 0.82f, 0.85f, 0.90f];
    private static readonly float[] UrgentSteps = [0.10f, 0.15f, 0.20f, 0.25f, 0.30f, 0.35f, 0.40f, 0.50f, 0.60f];
    private static readonly float[] TalkedAboutSteps = [0.20f, 0.30f, 0.40f, 0.50f, 0.60f, 0.70f, 0.80f];

    /// <summary>One table per threshold: the status threshold with the urgent one held, then the urgent one with the status one held.</summary>
    public static string Format(LeaveOneCorpusOut loco)
    {
        ArgumentNullException.ThrowIfNull(loco);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"Status threshold (urgent held at {loco.Thresholds.Urgent:0.00}): status P / R / other->status per language").AppendLine();
        foreach (var step in StatusSteps)
        {
            var report = loco.Report(loco.Thresholds with { Status = step });
            text.Append(c, $"  {step:0.00}{(step == loco.Thresholds.Status ? "*" : " ")}");
            foreach (var m in report.Languages)
            {
                text.Append(c, $"  {m.Language} {m.StatusPrecision:0.000} / {m.StatusRecall:0.000} / {m.OtherAsStatusRate,5:0.0%}");
            }

            text.AppendLine();
        }

        text.Append(c, $"Urgent threshold (status held at {loco.Thresholds.Status:0.00}): urgent P / R, other->urgent per language").AppendLine();
        UrgentTable(text, loco, UrgentSteps, loco.Thresholds.Urgent, step => loco.Thresholds with { Urgent = step });
        text.Append(c, $"Urgent threshold when an urgent word is talked about (others held): urgent P / R, other->urgent per language").AppendLine();
        UrgentTable(text, loco, TalkedAboutSteps, loco.Thresholds.UrgentWhenTalkedAbout, step => loco.Thresholds with { UrgentWhenTalkedAbout = step });
        return text.ToString();
    }

    private static void UrgentTable(StringBuilder text, LeaveOneCorpusOut loco, float[] steps, float committed, Func<float, PingThresholds> thresholds)
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var step in steps)
        {
            var report = loco.Report(thresholds(step));
            text.Append(c, $"  {step:0.00}{(step == committed ? "*" : " ")}");
            foreach (var m in report.Languages)
            {
                var others = m.Confusion.Labelled(PingClass.Other);
                var alarms = others == 0 ? 0 : (double)m.Confusion[PingClass.Other, PingClass.Urgent] / others;
                text.Append(c, $"  {m.Language} {m.UrgentPrecision:0.000} / {m.UrgentRecall:0.000} / {alarms,5:0.0%}");
            }

            text.AppendLine();
        }
    }

    /// <summary>
    /// The lowest status threshold (in steps of 0.01) at which every language meets the precision targets (status
    /// precision at least 0.97, other-taken-for-status at most 2%), and the recall there: the figure by which two
    /// models are compared at equal precision.
    /// </summary>
    public static string OperatingPoint(LeaveOneCorpusOut loco)
    {
        ArgumentNullException.ThrowIfNull(loco);
        var c = CultureInfo.InvariantCulture;
        for (var step = 50; step <= 99; step++)
        {
            var report = loco.Report(loco.Thresholds with { Status = step / 100f });
            if (report.Languages.All(m => m.StatusPrecision >= 0.97 && m.OtherAsStatusRate <= 0.02))
            {
                var text = new StringBuilder().Append(c, $"Operating point: status {step / 100.0:0.00} is the lowest at which every language has P >= 0.970 and other->status <= 2.0%:");
                foreach (var m in report.Languages)
                {
                    text.Append(c, $"  {m.Language} P {m.StatusPrecision:0.000} R {m.StatusRecall:0.000} o->s {m.OtherAsStatusRate:0.0%} U {m.UrgentRecall:0.000}");
                }

                return text.AppendLine().ToString();
            }
        }

        return "Operating point: no status threshold up to 0.99 meets P >= 0.970 and other->status <= 2.0% in every language" + Environment.NewLine;
    }
}
