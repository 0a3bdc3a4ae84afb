using CheckinBot.Core.Messages;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Pings;

/// <summary>Where the bot answers a client's message: in its thread, in the conversation it was written in.</summary>
public static class PingReplies
{
    public static OutboundMessage InThread(TurnContext context, BotMessage message)
    {
        var turn = context.Turn;
        return new(ChatAddress.Conversation(turn.Platform, turn.WorkspaceId, turn.ConversationId, turn.ThreadId ?? turn.MessageId), message);
    }

    /// <summary>The longest link kept with a ping.</summary>
    public const int MaxLink = 500;

    /// <summary>A link to the turn's message for the VA: the permalink, or else the platform's message id.</summary>
    public static string? LinkOf(TurnContext context) =>
        (context.Turn.Permalink ?? context.Turn.MessageId) is { Length: <= MaxLink } link ? link : null;
}
