namespace CheckinBot.Core.Messages;

/// <summary>Where a bot message goes.</summary>
public sealed record ChatAddress
{
    public required string Platform { get; init; }
    public required string WorkspaceId { get; init; }

    /// <summary>The conversation; null for a direct message whose conversation the gateway opens.</summary>
    public string? ConversationId { get; init; }

    /// <summary>Reply in this thread.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Shown only to this person inside the conversation (ephemeral).</summary>
    public string? OnlyFor { get; init; }

    /// <summary>
    /// The name of <see cref="OnlyFor"/> as the turn knew it, for a platform that must address them by name when it cannot
    /// answer them alone (a Teams mention); null when not known.
    /// </summary>
    public string? OnlyForName { get; init; }

    /// <summary>A direct message to this person.</summary>
    public string? DirectTo { get; init; }

    /// <summary>
    /// Answer through this address the platform gave with the turn (Slack's <c>response_url</c>), used when the answer
    /// could not go inside the acknowledgement; <see cref="OnlyFor"/> then says whether only the sender sees it.
    /// </summary>
    public string? ReplyAddress { get; init; }

    public static ChatAddress Conversation(string platform, string workspace, string conversation, string? thread = null) =>
        new() { Platform = platform, WorkspaceId = workspace, ConversationId = conversation, ThreadId = thread };

    public static ChatAddress Ephemeral(string platform, string workspace, string conversation, string person) =>
        new() { Platform = platform, WorkspaceId = workspace, ConversationId = conversation, OnlyFor = person };

    public static ChatAddress Direct(string platform, string workspace, string person) =>
        new() { Platform = platform, WorkspaceId = workspace, DirectTo = person };
}
