namespace CheckinBot.Teams.References;

/// <summary>What the bot must know to post into a conversation later, kept as JSON in the core's reference store.</summary>
internal sealed record ConversationReference
{
    public required string ServiceUrl { get; init; }
    public string? ChannelId { get; init; }

    /// <summary>The conversation id as the connector knows it (without a thread suffix).</summary>
    public string? ConversationId { get; init; }

    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public string? BotId { get; init; }
    public string? BotName { get; init; }

    /// <summary>For a personal conversation: the person.</summary>
    public string? UserId { get; init; }

    public string? UserAadObjectId { get; init; }

    /// <summary>True once Teams answered <c>MessageWritesBlocked</c>, or the app was removed; cleared by the next activity.</summary>
    public bool Unreachable { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
