using System.Text.Json.Nodes;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Turns;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Cards;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Teams.Receiving;

/// <summary>
/// Answers an <c>Action.Execute</c> click within the request, as Teams wants a card back: the turn runs through the
/// core like any button (once per activity id, marked done only once it succeeded, so a failed click can be retried); the answer to everyone in the conversation replaces the clicked card,
/// an answer only for the clicker is shown to them, and any other answer is posted as usual.
/// </summary>
internal sealed class CardActionInvoke(TurnDispatcher dispatcher, ChatGateways gateways, ILogger<CardActionInvoke> logger)
{
    public async Task<JsonObject> AnswerAsync(ChatTurn? turn, string? activityId, CancellationToken cancellationToken)
    {
        if (turn is not { Kind: TurnKind.Action })
        {
            return InvokeResponses.Error(400, "BadRequest", "The card action carries no CheckinBot action.");
        }

        try
        {
            if (await dispatcher.AnswerOnceAsync(turn, cancellationToken) is not { } answers)
            {
                return InvokeResponses.Message("✓");
            }

            var forAll = answers.FirstOrDefault(a => IsForConversation(a.To, turn));
            var forClicker = forAll is null ? answers.FirstOrDefault(a => IsForClicker(a.To, turn)) : null;
            foreach (var answer in answers.Where(a => a != forAll && a != forClicker))
            {
                await gateways.PostAsync(answer, cancellationToken);
            }

            return forAll is not null ? InvokeResponses.Card(AdaptiveCards.Card(forAll.Message))
                : forClicker is not null ? InvokeResponses.Message(forClicker.Message.PlainText)
                : InvokeResponses.Message("✓");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.ActionFailed(activityId, ex.GetType().Name);
            return InvokeResponses.Error(500, "InternalError", "The action could not be completed; try again.");
        }
    }

    private static bool IsForConversation(ChatAddress to, ChatTurn turn) =>
        to.Platform == turn.Platform && to.ConversationId == turn.ConversationId && to.OnlyFor is null && to.DirectTo is null;

    private static bool IsForClicker(ChatAddress to, ChatTurn turn) =>
        to.Platform == turn.Platform && (to.OnlyFor == turn.Person.Id ||
            (turn.IsDirect && to.ConversationId == turn.ConversationId && to.DirectTo is null));
}
