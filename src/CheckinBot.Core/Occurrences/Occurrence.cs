using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>
/// One concrete due moment of a rhythm: the unit of delivery, unique on (rhythm, due instant).
/// </summary>
public sealed class Occurrence
{
    public required Guid Id { get; init; }
    public required Guid RhythmId { get; init; }
    public required Guid CollaborationId { get; init; }
    public required Instant Due { get; init; }
    public required Instant RemindAt { get; init; }
    public OccurrenceStatus Status { get; set; }
    public ReminderStatus ReminderStatus { get; set; }
    public string? LeaseOwner { get; set; }
    public Instant? LeaseUntil { get; set; }

    /// <summary>How many times a worker claimed it; above one means a takeover.</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// When a worker last handed it to the platform, written before the post: a worker that takes it over without a
    /// recorded post asks the platform first only when this is set. Never cleared.
    /// </summary>
    public Instant? SendingSince { get; set; }

    public Instant? PostedAt { get; set; }
    public string? MessageId { get; set; }
    public bool Late { get; set; }

    /// <summary>The first line of what was posted, for status answers.</summary>
    public string? Summary { get; set; }

    /// <summary>The idempotency key carried with the post (Slack message metadata).</summary>
    public string Key => KeyOf(RhythmId, Due);

    public static string KeyOf(Guid rhythmId, Instant due) => $"{rhythmId:N}@{due.ToUnixTimeSeconds()}";
}
