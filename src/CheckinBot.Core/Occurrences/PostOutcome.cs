using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>What became of a claimed occurrence, written back to the ledger in one batch.</summary>
public sealed record PostOutcome(Guid OccurrenceId, OccurrenceStatus Status, Instant? PostedAt, string? MessageId, bool Late, string? Summary = null);
