using CheckinBot.Core.Occurrences;

namespace CheckinBot.Testing;

/// <summary>One claim made on <see cref="InMemoryOccurrences"/>: who claimed, after which position, and what it got, in claim order.</summary>
public sealed record RecordedClaim(string Owner, ClaimCursor? After, IReadOnlyList<Guid> Claimed);
