using System.Text.Json.Nodes;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Turns;
using CheckinBot.Teams.Cards;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Teams.Receiving;

/// <summary>
/// Answers an <c>Action.Execute</c> click within the request, as Teams wants a card back. The click goes through the
/// one pipeline like any turn (once per activity id, marked done only once it succeeded); the answer to everyone in the conversation replaces the clicked
/// card, an answer only for the clicker is shown to them, and any other answer is posted as usual.
/// </summary>
internal sealed class CardActionInvoke(TurnInbox inbox, ILogger<CardActionInvoke> logger)
{
    /// <summary>Teams waits about 15 seconds for an invoke's answer; past this, the answer is posted instead.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    public async Task<JsonObject> AnswerAsync(ChatTurn? turn, string? activityId, TimeProvider time, CancellationToken cancellationToken)
    {
        if (turn is not { Kind: TurnKind.Action })
        {
            return InvokeResponses.Error(400, "BadRequest", "The card action carries no CheckinBot action.");
        }

        var started = time.GetTimestamp();
        var pending = new PendingTurn(turn, HandOver.Within(Budget, started, time, Pick));
        await inbox.QueueAsync(pending, cancellationToken);
        var waited = time.GetElapsedTime(started);
        var answer = await pending.WaitInlineAsync(waited < Budget ? Budget - waited : TimeSpan.Zero, time, cancellationToken);
        if (answer is not null)
        {
            return IsForConversation(answer.To, turn) ? InvokeResponses.Card(AdaptiveCards.Card(answer.Message)) : InvokeResponses.Message(answer.Message.PlainText);
        }

        try
        {
            var left = Budget - time.GetElapsedTime(started);
            await pending.Completion.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, time, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.ActionFailed(activityId, ex.GetType().Name);
            return ex is TimeoutException
                ? InvokeResponses.Message("✓")
                : InvokeResponses.Error(500, "InternalError", "The action could not be completed; try again.");
        }

        return InvokeResponses.Message("✓");
    }

    /// <summary>The answer to everyone in the conversation, else the one for the clicker.</summary>
    private static OutboundMessage? Pick(ChatTurn turn, IReadOnlyList<OutboundMessage> answers) =>
        answers.FirstOrDefault(a => IsForConversation(a.To, turn)) ?? answers.FirstOrDefault(a => IsForClicker(a.To, turn));

    private static bool IsForConversation(ChatAddress to, ChatTurn turn) =>
        to.Platform == turn.Platform && to.ConversationId == turn.ConversationId && to.OnlyFor is null && to.DirectTo is null;

    private static bool IsForClicker(ChatAddress to, ChatTurn turn) =>
        to.Platform == turn.Platform && (to.OnlyFor == turn.Person.Id ||
            (turn.IsDirect && to.ConversationId == turn.ConversationId && to.DirectTo is null));
}
