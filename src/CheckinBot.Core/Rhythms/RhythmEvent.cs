using NodaTime;

namespace CheckinBot.Core.Rhythms;

/// <summary>One line of a rhythm's audit trail: who did what, when.</summary>
public sealed record RhythmEvent(Guid Id, Guid RhythmId, Instant At, string ActorId, RhythmAction Action, string? Detail = null);
