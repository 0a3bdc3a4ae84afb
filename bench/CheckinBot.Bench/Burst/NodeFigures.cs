namespace CheckinBot.Bench.Burst;

/// <summary>What one node of a burst reports of itself, as one JSON line on its standard output.</summary>
/// <param name="Posted">Posts the gateway received from the due minute on.</param>
/// <param name="ToLastPost">Seconds from the due minute to this node's last post.</param>
/// <param name="ToDone">Seconds from the due minute until the node had recorded every post it made.</param>
/// <param name="Prepared">What happened before the due minute (planned occurrences, reminders), in words.</param>
/// <param name="AllocatedBefore">Bytes allocated from start to the due minute (start, planning, reminders).</param>
/// <param name="AllocatedBurst">Bytes allocated from the due minute to the end of the burst.</param>
/// <param name="PeakWorkingSet">The node's own reading of its peak working set, in bytes.</param>
/// <param name="CpuBurst">Processor seconds the node used from the due minute to the end of the burst (all its threads).</param>
internal sealed record NodeFigures(long Posted, double ToLastPost, double ToDone, string Prepared, long AllocatedBefore, long AllocatedBurst, long PeakWorkingSet, double CpuBurst)
{
    public const string Prefix = "FIGURES ";
}
