namespace CheckinBot.Core.Collaborations;

/// <summary>A VA, her clients, the shared conversation where updates go, and the agreement's zone and language.</summary>
public sealed class Collaboration
{
    public required Guid Id { get; init; }
    public required string Platform { get; init; }
    public required string WorkspaceId { get; init; }
    public required string ConversationId { get; init; }
    public required string VaId { get; set; }
    public List<string> ClientIds { get; init; } = [];

    /// <summary>The agreement's IANA zone: rhythms are read in it.</summary>
    public required string TimeZone { get; set; }

    /// <summary>The language of posts in the shared conversation.</summary>
    public required string Language { get; set; }

    public NodaTime.Instant CreatedAt { get; init; }

    /// <summary>
    /// The end of the VA's focus block (<c>/checkin focus 90m</c>), or null. While it lasts, reminders wait and ping answers
    /// mention it; urgent messages still come through. Read it with <see cref="FocusedUntil"/>.
    /// </summary>
    public NodaTime.Instant? FocusUntil { get; set; }

    /// <summary>The end of the VA's focus block when she is in one at <paramref name="now"/>, else null.</summary>
    public NodaTime.Instant? FocusedUntil(NodaTime.Instant now) => FocusUntil is { } until && until > now ? until : null;

    /// <summary>Which side a person is on, or null when they are not in the collaboration.</summary>
    public Side? SideOf(string personId) =>
        personId == VaId ? Side.Va
        : ClientIds.Contains(personId) ? Side.Client
        : null;
}
