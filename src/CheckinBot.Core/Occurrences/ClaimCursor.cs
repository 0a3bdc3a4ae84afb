using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>
/// Where a delivery cycle's last claim ended, in the order claims take due occurrences: by due time, then collaboration,
/// then id (none of which ever changes). The next claim of the same cycle starts after it, so it does not read past the
/// occurrences the cycle itself has leased and not yet posted; a new cycle starts without one, from the earliest due.
/// </summary>
public readonly record struct ClaimCursor(Instant Due, Guid CollaborationId, Guid Id)
{
    /// <summary>The position of an occurrence in claim order.</summary>
    public static ClaimCursor Of(Occurrence occurrence) => new(occurrence.Due, occurrence.CollaborationId, occurrence.Id);

    /// <summary>The position of the last of <paramref name="claimed"/> in claim order, whatever order they are in.</summary>
    public static ClaimCursor Last(IEnumerable<Occurrence> claimed) => claimed.Select(Of).MaxBy(c => c.Key);

    /// <summary>
    /// Claim order, as both databases sort these columns: a <see cref="Guid"/> compares as its canonical text does, which
    /// is how PostgreSQL orders a <c>uuid</c> and how SQLite orders the upper-case text EF Core stores.
    /// </summary>
    public static IReadOnlyList<Occurrence> InClaimOrder(IEnumerable<Occurrence> occurrences) =>
        occurrences.OrderBy(o => o.Due).ThenBy(o => o.CollaborationId).ThenBy(o => o.Id).ToList();

    /// <summary>Whether <paramref name="occurrence"/> comes after <paramref name="cursor"/> in claim order; with no cursor, every one does.</summary>
    public static bool IsAfter(Occurrence occurrence, ClaimCursor? cursor) => cursor is not { } from || Of(occurrence).Key.CompareTo(from.Key) > 0;

    private (Instant, Guid, Guid) Key => (Due, CollaborationId, Id);
}
