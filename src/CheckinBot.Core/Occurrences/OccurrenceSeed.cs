using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>An occurrence the planner wants in the ledger.</summary>
public sealed record OccurrenceSeed(Guid RhythmId, Guid CollaborationId, Instant Due, Instant RemindAt, OccurrenceStatus Status = OccurrenceStatus.Pending);
