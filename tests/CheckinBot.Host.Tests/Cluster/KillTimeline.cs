using System.Globalization;
using CheckinBot.Core.Occurrences;

namespace CheckinBot.Host.Tests.Cluster;

/// <summary>
/// What a kill round's time from the due minute to the burst's end is made of, read from the fake Slack's posts and the
/// ledger: the burst up to the kill, the survivor finishing its own claims, the wait for the dead node's lease, and the
/// takeover (history lookups for what the dead node had handed to Slack unconfirmed, then the posts it had not made).
/// An occurrence taken over is one claimed more than once (<see cref="Occurrence.Attempts"/>).
/// </summary>
public sealed record KillTimeline(
    TimeSpan FirstPost, TimeSpan KilledAt, int PostedBeforeKill, TimeSpan? VictimLastPost, TimeSpan? SurvivorOwnLastPost,
    int TakenOver, int Channels, int FoundInHistory, TimeSpan? TakeoverFirstPost, TimeSpan? TakeoverLastPost, int Lookups, TimeSpan? End, TimeSpan Lease)
{
    /// <summary>From the kill to the first post of the dead node's work: at most the lease, plus the survivor's wake and claim.</summary>
    public TimeSpan? WaitedForLease => TakeoverFirstPost - KilledAt;

    public static KillTimeline Of(Burst burst, string victim, int postedBeforeKill, DateTimeOffset killedAt, IReadOnlyList<Occurrence> ledger, int lookups, TimeSpan lease)
    {
        var due = burst.Due;
        var keys = burst.Keys.ToHashSet(StringComparer.Ordinal);
        var takenOverRows = ledger.Where(o => keys.Contains(o.Key) && o.Attempts > 1).ToList();
        var takenOver = takenOverRows.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var posts = burst.Posts();
        var afterKill = posts.Where(p => p.At > killedAt && p.Node != victim).ToList();
        var takeover = afterKill.Where(p => takenOver.Contains(p.OccurrenceKey!)).Select(p => p.At - due).ToList();
        var own = afterKill.Where(p => !takenOver.Contains(p.OccurrenceKey!)).Select(p => p.At - due).ToList();
        var victims = posts.Where(p => p.Node == victim).Select(p => p.At - due).ToList();
        var onlyByVictim = posts.GroupBy(p => p.OccurrenceKey!, StringComparer.Ordinal).Where(g => g.All(p => p.Node == victim)).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return new KillTimeline(
            posts.Count == 0 ? TimeSpan.Zero : posts.Min(p => p.At) - due,
            killedAt - due,
            postedBeforeKill,
            victims.Count == 0 ? null : victims.Max(),
            own.Count == 0 ? null : own.Max(),
            takenOver.Count,
            takenOverRows.Select(o => o.CollaborationId).Distinct().Count(),
            takenOver.Count(onlyByVictim.Contains),
            takeover.Count == 0 ? null : takeover.Min(),
            takeover.Count == 0 ? null : takeover.Max(),
            lookups,
            burst.Completed(),
            lease);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"first post {S(FirstPost)}; killed at {S(KilledAt)} after {PostedBeforeKill} posts (its last post {S(VictimLastPost)}); " +
        $"survivor's own claims done {S(SurvivorOwnLastPost)}; {TakenOver} taken over in {Channels} channels once the dead node's lease ({Lease.TotalSeconds:0} s) ran out " +
        $"(those it had handed to Slack looked up there: {FoundInHistory} found, {Lookups} history calls): posts {S(TakeoverFirstPost)} … {S(TakeoverLastPost)}, " +
        $"{(WaitedForLease is { } w ? $"{w.TotalSeconds:0.0} s" : "-")} after the kill; burst's end {S(End)}");

    private static string S(TimeSpan? at) => at is { } t ? string.Create(CultureInfo.InvariantCulture, $"+{t.TotalSeconds:0.0} s") : "-";
}
