namespace CheckinBot.Teams.Sending;

/// <summary>
/// Teams refuses writes to the conversation (<c>403 MessageWritesBlocked</c>): the person blocked the bot or the app
/// was removed. The conversation is remembered as unreachable until an activity comes from it again.
/// </summary>
public sealed class ConversationBlockedException : TeamsCallException
{
    public ConversationBlockedException()
    {
    }

    public ConversationBlockedException(string message)
        : base(message)
    {
    }

    public ConversationBlockedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ConversationBlockedException(string conversationId, bool known)
        : base(System.Net.HttpStatusCode.Forbidden, "MessageWritesBlocked", $"Teams blocks messages to conversation {conversationId}.")
    {
        ConversationId = conversationId;
        AlreadyKnown = known;
    }

    public string? ConversationId { get; }

    /// <summary>True when the conversation was known to be unreachable and no call was made.</summary>
    public bool AlreadyKnown { get; }
}
