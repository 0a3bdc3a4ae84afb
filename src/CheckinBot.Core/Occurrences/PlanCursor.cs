using CheckinBot.Core.Rhythms;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>
/// Where the planner's last page of rhythms to plan ended, in the order pages take them: by watermark, then collaboration,
/// then id. The next page starts after it, so a page reads only its own rhythms and no page is read twice, even where a
/// watermark did not move (a store that keeps none, or a rhythm with nothing to plan). Rhythms of one watermark, which
/// fall due together, come a collaboration at a time: their occurrences are written, and then claimed, side by side.
/// </summary>
public readonly record struct PlanCursor(Instant PlannedUntil, Guid CollaborationId, Guid Id)
{
    /// <summary>The position of a rhythm in plan order.</summary>
    public static PlanCursor Of(Rhythm rhythm) => new(rhythm.PlannedUntil, rhythm.CollaborationId, rhythm.Id);

    /// <summary>
    /// Plan order, as both databases sort these columns (a <see cref="Guid"/> compares as its canonical text does; see
    /// <see cref="ClaimCursor.InClaimOrder"/>).
    /// </summary>
    public static IReadOnlyList<Rhythm> InPlanOrder(IEnumerable<Rhythm> rhythms) =>
        rhythms.OrderBy(r => r.PlannedUntil).ThenBy(r => r.CollaborationId).ThenBy(r => r.Id).ToList();

    /// <summary>Whether <paramref name="rhythm"/> comes after <paramref name="cursor"/> in plan order; with no cursor, every one does.</summary>
    public static bool IsAfter(Rhythm rhythm, PlanCursor? cursor) => cursor is not { } from || Of(rhythm).Key.CompareTo(from.Key) > 0;

    private (Instant, Guid, Guid) Key => (PlannedUntil, CollaborationId, Id);
}
