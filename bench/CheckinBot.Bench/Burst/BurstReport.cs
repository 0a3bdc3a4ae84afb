using System.Globalization;
using System.Text;

namespace CheckinBot.Bench.Burst;

/// <summary>The printed block: each run's figures, then CheckinBot beside the baseline.</summary>
internal static class BurstReport
{
    private const double Mebi = 1024 * 1024;

    public static string Heading(int conversations, int perConversation) =>
        Invariant($"burst: {(long)conversations * perConversation:N0} rhythms ({conversations:N0} conversations × {perConversation}) due at 17:00, a gateway that answers at once") +
        Environment.NewLine +
        "targets: all posted within 10 s of the due minute, peak working set ≤ 250 MB, ≤ 1 GB allocated; baseline ≥ 20×" + Environment.NewLine;

    public static string Run(BurstRun run)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(Invariant($"{run.Name} ({run.Nodes.Count} node{(run.Nodes.Count > 1 ? "s" : "")}, load average {run.LoadAverage})"));
        // Each node plans and sends what it finds first: on two nodes they share the planning and the reminders.
        text.AppendLine(Invariant($"  before the due minute:         {(run.Nodes.Count == 1 ? run.Nodes[0].Prepared : string.Join("; ", run.Nodes.Select((n, i) => $"node {i + 1} {n.Prepared}")))}"));
        text.AppendLine(Invariant($"  posted:                        {run.Posted:N0} of {run.Expected:N0}{PerNode(run, n => n.Posted.ToString("N0", CultureInfo.InvariantCulture))}"));
        text.AppendLine(Invariant($"  due minute → last post:        {run.ToLastPost:F2} s{PerNode(run, n => n.ToLastPost.ToString("F2", CultureInfo.InvariantCulture) + " s")}"));
        text.AppendLine(Invariant($"  due minute → all recorded:     {run.ToDone:F2} s"));
        text.AppendLine(Invariant($"  posts per second:              {run.Posted / Math.Max(0.001, run.ToDone):F0}"));
        text.AppendLine(Invariant($"  CPU from the due minute:       {run.CpuBurst:F2} s, {run.CpuBurst * 1e6 / Math.Max(1, run.Posted):F0} µs per post (what the wall times mean on an idle core: {run.Posted / Math.Max(0.001, run.CpuBurst):F0} posts per CPU second){PerNode(run, n => n.CpuBurst.ToString("F2", CultureInfo.InvariantCulture) + " s")}"));
        text.AppendLine(Invariant($"  peak resident (VmHWM):         {run.Peak / Mebi:F0} MiB = {run.Peak / 1e6:F0} MB, read from outside{PerNode(run, (n, i) => Megabytes(run.PeaksFromOutside[i]))} (the node's own reading: {string.Join(", ", run.Nodes.Select(n => Megabytes(n.PeakWorkingSet)))})"));
        text.AppendLine(Invariant($"  allocated from the due minute: {run.AllocatedBurst / Mebi:F0} MiB"));
        text.AppendLine(Invariant($"  allocated in all:              {run.AllocatedTotal / Mebi:F0} MiB (start, 16:45 planning and reminders, 17:00)"));
        if (run.Database is { } database)
        {
            text.AppendLine(Invariant($"  PostgreSQL from the due minute: {database}"));
        }

        if (run.Statements is { } statements)
        {
            text.AppendLine(statements);
        }

        return text.ToString();
    }

    /// <summary>CheckinBot beside the baseline, per post where the two ran on different numbers of rhythms.</summary>
    public static string Comparison(BurstRun ours, BurstRun baseline)
    {
        var text = new StringBuilder();
        text.AppendLine();
        var oursRate = ours.Posted / Math.Max(0.001, ours.ToDone);
        var baselineRate = baseline.Posted / Math.Max(0.001, baseline.ToDone);
        if (baseline.Posted < baseline.Expected)
        {
            text.AppendLine(Invariant($"the baseline posted {baseline.Posted:N0} of {baseline.Expected:N0} within its {baseline.ToDone:F0} s; at that rate all {ours.Expected:N0} would take {ours.Expected / Math.Max(0.001, baselineRate):F0} s"));
        }

        var estimated = baseline.Posted < baseline.Expected || baseline.Expected < ours.Expected ? " (estimated: the baseline's rate on its part of the burst)" : "";
        text.AppendLine(Invariant($"CheckinBot beside the baseline{estimated}: {oursRate / Math.Max(0.001, baselineRate):F1}× the posts per second ({oursRate:F0} against {baselineRate:F0}), {(double)baseline.Peak / ours.Peak:F1}× less peak memory ({ours.Peak / Mebi:F0} MiB for {ours.Expected:N0} rhythms against {baseline.Peak / Mebi:F0} MiB for {baseline.Expected:N0}), {(double)baseline.AllocatedBurst / Math.Max(1, baseline.Posted) / ((double)ours.AllocatedBurst / Math.Max(1, ours.Posted)):F1}× less allocated per post, {baseline.CpuBurst / Math.Max(1, baseline.Posted) / (ours.CpuBurst / Math.Max(1, ours.Posted)):F1}× less CPU per post"));
        return text.ToString();
    }

    private static string PerNode(BurstRun run, Func<NodeFigures, string> figure) => PerNode(run, (n, _) => figure(n));

    private static string PerNode(BurstRun run, Func<NodeFigures, int, string> figure) =>
        run.Nodes.Count == 1 ? "" : " (" + string.Join("; ", run.Nodes.Select((n, i) => (run.Nodes.Count > 1 ? $"node {i + 1}: " : "") + figure(n, i))) + ")";

    private static string Megabytes(long bytes) => bytes < 0 ? "n/a" : (bytes / Mebi).ToString("F0", CultureInfo.InvariantCulture) + " MiB";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
