using System.Globalization;
using System.Text;

namespace CheckinBot.Bench.Burst;

/// <summary>The printed block: each run's figures, then CheckinBot beside the baseline.</summary>
internal static class BurstReport
{
    private const double Mebi = 1024 * 1024;

    public static string Render(int conversations, int perConversation, IReadOnlyList<BurstRun> runs)
    {
        var text = new StringBuilder();
        var expected = (long)conversations * perConversation;
        text.AppendLine(Invariant($"burst: {expected:N0} rhythms ({conversations:N0} conversations × {perConversation}) due at 17:00, a gateway that answers at once"));
        text.AppendLine("targets: all posted within 10 s of the due minute, peak working set ≤ 250 MB, ≤ 1 GB allocated; baseline ≥ 20×");
        foreach (var run in runs)
        {
            text.AppendLine();
            text.AppendLine(Invariant($"{run.Name} ({run.Nodes.Count} node{(run.Nodes.Count > 1 ? "s" : "")}, load average {run.LoadAverage})"));
            text.AppendLine(Invariant($"  before the due minute:        {run.Nodes[0].Prepared}"));
            text.AppendLine(Invariant($"  posted:                       {run.Posted:N0} of {run.Expected:N0}{PerNode(run, n => n.Posted.ToString("N0", CultureInfo.InvariantCulture))}"));
            text.AppendLine(Invariant($"  due minute → last post:       {run.ToLastPost:F2} s{PerNode(run, n => n.ToLastPost.ToString("F2", CultureInfo.InvariantCulture) + " s")}"));
            text.AppendLine(Invariant($"  due minute → all recorded:    {run.ToDone:F2} s"));
            text.AppendLine(Invariant($"  peak resident (VmHWM):        {run.Peak / Mebi:F0} MiB = {run.Peak / 1e6:F0} MB, read from outside{PerNode(run, (n, i) => Megabytes(run.PeaksFromOutside[i]))} (the node's own reading: {string.Join(", ", run.Nodes.Select(n => Megabytes(n.PeakWorkingSet)))})"));
            text.AppendLine(Invariant($"  allocated from the due minute: {run.AllocatedBurst / Mebi:F0} MiB"));
            text.AppendLine(Invariant($"  allocated in all:             {run.AllocatedTotal / Mebi:F0} MiB (start, 16:45 planning and reminders, 17:00)"));
        }

        if (runs.FirstOrDefault(r => r.Name.StartsWith("CheckinBot", StringComparison.Ordinal)) is { } ours &&
            runs.FirstOrDefault(r => r.Name.StartsWith("Quartz", StringComparison.Ordinal)) is { } baseline && ours.ToLastPost > 0)
        {
            text.AppendLine();
            var baselineTime = baseline.ToLastPost;
            var estimated = baseline.Posted < baseline.Expected;
            if (estimated && baseline.Posted > 0)
            {
                // It did not finish within its cap: its time for all of them is its own rate carried on.
                baselineTime = baseline.ToDone * baseline.Expected / baseline.Posted;
                text.AppendLine(Invariant($"the baseline posted {baseline.Posted:N0} of {baseline.Expected:N0} in {baseline.ToDone:F0} s; at that rate all would take {baselineTime:F0} s"));
            }

            text.AppendLine(Invariant($"CheckinBot beside the baseline: {baselineTime / ours.ToLastPost:F1}× {(estimated ? "(estimated) " : "")}faster to the last post, {(double)baseline.Peak / ours.Peak:F1}× less peak memory, {(double)baseline.AllocatedBurst / Math.Max(1, ours.AllocatedBurst):F1}× less allocated from the due minute"));
        }

        return text.ToString();
    }

    private static string PerNode(BurstRun run, Func<NodeFigures, string> figure) => PerNode(run, (n, _) => figure(n));

    private static string PerNode(BurstRun run, Func<NodeFigures, int, string> figure) =>
        run.Nodes.Count == 1 ? "" : " (" + string.Join("; ", run.Nodes.Select((n, i) => (run.Nodes.Count > 1 ? $"node {i + 1}: " : "") + figure(n, i))) + ")";

    private static string Megabytes(long bytes) => bytes < 0 ? "n/a" : (bytes / Mebi).ToString("F0", CultureInfo.InvariantCulture) + " MiB";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
