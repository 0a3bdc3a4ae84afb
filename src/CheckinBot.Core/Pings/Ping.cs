using NodaTime;

namespace CheckinBot.Core.Pings;

/// <summary>
/// One client message the bot took for a ping: when, from whom, what it was and what the bot did. Never its text.
/// </summary>
public sealed class Ping
{
    public required Guid Id { get; init; }
    public required Guid CollaborationId { get; init; }

    /// <summary>The platform id of the client who sent it.</summary>
    public required string PersonId { get; init; }

    public required Instant At { get; init; }
    public required PingClass Class { get; init; }
    public required PingOutcome Outcome { get; init; }

    /// <summary>The language the message was written in, as the classifier read it ("nl", "en", "fr").</summary>
    public required string Language { get; init; }

    /// <summary>Where the message is: its permalink, or the platform's message id. An id, not the text.</summary>
    public string? MessageLink { get; init; }

    /// <summary>When the message reached the VA as urgent (at once for urgent messages, later when the client flagged it).</summary>
    public Instant? EscalatedAt { get; set; }

    public bool Escalated => EscalatedAt is not null;
}
