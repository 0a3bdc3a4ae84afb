namespace CheckinBot.Core.Conversations;

/// <summary>One verified, parsed inbound event from any chat platform.</summary>
/// <remarks>
/// Adapters rewrite platform mentions into the neutral form <c>&lt;@personId&gt;</c> before the core sees the text.
/// </remarks>
public sealed record ChatTurn
{
    public required string Platform { get; init; }
    public required string WorkspaceId { get; init; }
    public required string ConversationId { get; init; }
    public required ChatPerson Person { get; init; }
    public required TurnKind Kind { get; init; }
    public string Text { get; init; } = "";

    /// <summary>The thread the turn happened in, or its own message id where replies should thread under it.</summary>
    public string? ThreadId { get; init; }

    /// <summary>The platform's id of the message itself, for links and reactions.</summary>
    public string? MessageId { get; init; }

    /// <summary>True when the conversation is a direct conversation between the person and the bot.</summary>
    public bool IsDirect { get; init; }

    /// <summary>For <see cref="TurnKind.Action"/>: the action id and the value of the button.</summary>
    public string? ActionId { get; init; }

    public string? ActionValue { get; init; }

    /// <summary>A stable id of the event, for deduplication of retries.</summary>
    public string? EventId { get; init; }

    /// <summary>
    /// True when the platform never sends this turn again (Slack retries events, never a slash command): a command that
    /// only reads then runs without a dedupe row. A command that writes is still claimed under <see cref="EventId"/>, which
    /// also turns away a replay of the signed request.
    /// </summary>
    public bool NeverRetried { get; init; }

    /// <summary>A link to the message, where the platform gives one.</summary>
    public string? Permalink { get; init; }

    /// <summary>
    /// For a <see cref="TurnKind.Message"/>: it addresses the bot (mentions it, or is in a direct conversation), so its
    /// words may be a command; the core decides.
    /// </summary>
    public bool AddressesBot { get; init; }

    /// <summary>
    /// Where the platform takes answers to this turn for a while, even where the bot is no member (Slack's
    /// <c>response_url</c>); the answer that could not go inside the acknowledgement goes there.
    /// </summary>
    public string? ReplyAddress { get; init; }

    /// <summary>The display names of the people the text mentions, by person id, where the platform's mention carries them.</summary>
    public IReadOnlyDictionary<string, string> MentionedNames { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
