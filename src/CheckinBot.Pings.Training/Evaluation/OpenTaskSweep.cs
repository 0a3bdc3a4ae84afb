using System.Globalization;
using System.Text;
using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Evaluation;

/// <summary>
/// How the lower status threshold for a message about an open task moves precision and recall, on the out-of-fold
/// readings of the task-aware corpora (<c># tasks:</c>) only: without the rule, then with it from each step, for any
/// message about an open task and for a question about one only. The figures <see cref="PingThresholds.StatusAboutOpenTask"/>
/// is chosen from.
/// </summary>
public static class OpenTaskSweep
{
    private static readonly float[] Steps = [0.20f, 0.25f, 0.30f, 0.35f, 0.40f, 0.45f, 0.50f, 0.55f, 0.60f, 0.65f, 0.70f];

    /// <summary>The sweep, or one line saying there is no task-aware corpus.</summary>
    public static string Format(LeaveOneCorpusOut loco)
    {
        ArgumentNullException.ThrowIfNull(loco);
        var c = CultureInfo.InvariantCulture;
        var rows = loco.TaskAwareRows.ToList();
        if (rows.Count == 0)
        {
            return "Open tasks: no corpus names open tasks ('# tasks:'), nothing to sweep" + Environment.NewLine;
        }

        var text = new StringBuilder();
        text.Append(c, $"Open tasks: {loco.TaskAware.Count} task-aware corpora ({rows.Count} rows), each scored by a model that never saw it; the rule finds an open task in").AppendLine();
        foreach (var label in (PingClass[])[PingClass.StatusCheck, PingClass.Other, PingClass.Urgent])
        {
            var labelled = rows.Where(r => r.Sample.Expected == label).ToList();
            var about = labelled.Where(r => r.Reading.Rules.AboutOpenTask).ToList();
            text.Append(c, $"  {PingCorpus.LabelOf(label),-13} {about.Count,4} of {labelled.Count,4}, {about.Count(r => r.Reading.Rules.Asked),4} of them asked ('?')").AppendLine();
        }

        var without = loco.Thresholds with { StatusAboutOpenTask = null };
        text.Append(c, $"Status threshold about an open task (status held at {loco.Thresholds.Status:0.00}, urgent at {loco.Thresholds.Urgent:0.00}): status P / R / other->status per language, task-aware corpora only").AppendLine();
        Line(text, "  without the rule  ", loco.TaskAwareReport(without));
        foreach (var asked in (bool[])[false, true])
        {
            text.AppendLine(asked ? "  only a question about an open task (a '?'), from:" : "  any message about an open task, from:");
            foreach (var step in Steps)
            {
                var thresholds = loco.Thresholds with { StatusAboutOpenTask = step, OpenTaskOnlyWhenAsked = asked };
                var committed = thresholds == loco.Thresholds;
                Line(text, string.Create(c, $"    {step:0.00}{(committed ? "*" : " ")}          "), loco.TaskAwareReport(thresholds));
            }
        }

        // The headline moves only through the task-aware rows: the other corpora name no open task.
        text.Append(c, $"  all {loco.Corpora.Count()} corpora, any message about an open task from the step (the headline figures with the rule):").AppendLine();
        foreach (var step in Steps)
        {
            Line(text, string.Create(c, $"    {step:0.00}           "), loco.Report(loco.Thresholds with { StatusAboutOpenTask = step, OpenTaskOnlyWhenAsked = false }));
        }

        // What the rule adds over a lower threshold for every message of these corpora (which the other corpora forbid).
        text.AppendLine("  for comparison, every message from the step, about an open task or not (no rule):");
        foreach (var step in Steps)
        {
            Line(text, string.Create(c, $"    {step:0.00}           "), loco.TaskAwareReport(without with { Status = step }));
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string head, PingEvaluationReport report)
    {
        text.Append(head);
        foreach (var m in report.Languages)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {m.Language} {m.StatusPrecision:0.000} / {m.StatusRecall:0.000} / {m.OtherAsStatusRate,5:0.0%} ({m.OtherAsStatus}/{m.Confusion.Labelled(PingClass.Other)})");
        }

        text.AppendLine();
    }
}
