using CheckinBot.Core.Conversations;
using CheckinBot.Core.Messages;

namespace CheckinBot.Core.Turns;

/// <summary>Choices of the answer an adapter gives inside its acknowledgement.</summary>
public static class InlineAnswers
{
    /// <summary>
    /// The first answer meant only for the sender, in the conversation the turn came from: ephemeral in a shared
    /// conversation, or the direct conversation itself. Messages for others go through the gateway.
    /// </summary>
    public static OutboundMessage? ForSender(ChatTurn turn, IReadOnlyList<OutboundMessage> answers) =>
        answers.FirstOrDefault(answer => IsForSender(answer.To, turn));

    public static bool IsForSender(ChatAddress to, ChatTurn turn) =>
        to.Platform == turn.Platform && to.WorkspaceId == turn.WorkspaceId && to.ConversationId == turn.ConversationId &&
        to.DirectTo is null && to.ThreadId is null &&
        (to.OnlyFor == turn.Person.Id || (turn.IsDirect && to.OnlyFor is null));
}
