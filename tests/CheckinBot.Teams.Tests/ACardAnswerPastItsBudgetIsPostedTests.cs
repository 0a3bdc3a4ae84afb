using CheckinBot.Core.Conversations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Turns;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Receiving;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Teams.Tests;

/// <summary>
/// A card click waits at most <see cref="CardActionInvoke.Budget"/> for its answer, counted from its arrival: an idle
/// worker may run the turn on the request's own thread before the invoke starts to wait, and an answer it has only
/// after the budget is posted by the worker, not handed to an invoke response Teams no longer waits for.
/// </summary>
public sealed class ACardAnswerPastItsBudgetIsPostedTests
{
    private readonly FakeTimeProvider time = new();
    private readonly TurnInbox inbox = new();

    private static ChatTurn Click() => new()
    {
        Platform = TurnReader.Platform, WorkspaceId = "tenant-1", ConversationId = "a:conversation", Person = new ChatPerson("tom"),
        Kind = TurnKind.Action, ActionId = "proposal.accept", Text = "", EventId = "activity-1",
    };

    private static OutboundMessage ToConversation(ChatTurn turn) =>
        new(ChatAddress.Conversation(turn.Platform, turn.WorkspaceId, turn.ConversationId), BotMessage.Of(MessageKind.Reply, "Accepted"));

    /// <summary>An idle worker: takes the turn on the queueing thread, which the turn keeps for <paramref name="runFor"/>.</summary>
    private async Task<bool?> WorkAsync(TimeSpan runFor, Task ready)
    {
        await ready.ConfigureAwait(false);
        await foreach (var pending in inbox.ReadAllAsync(default).ConfigureAwait(false))
        {
            time.Advance(runFor);
            var answer = ToConversation(pending.Turn);
            var handedOver = pending.TryHandOver(answer);
            pending.Complete(new TurnOutcome([(answer, handedOver ? TurnRunner.InAcknowledgement : new PostReceipt("posted"))]));
            return handedOver;
        }

        return null;
    }

    [Theory]
    [InlineData(9, true)]
    [InlineData(11, false)]
    public async Task AnAnswerIsHandedOverOnlyWithinTheBudget(int seconds, bool handedOver)
    {
        var worker = Task.Run(() => WorkAsync(TimeSpan.FromSeconds(seconds), Task.CompletedTask));
        await Task.Delay(100);
        var invoke = new CardActionInvoke(inbox, NullLogger<CardActionInvoke>.Instance);

        var response = await invoke.AnswerAsync(Click(), "activity-1", time, default);

        (await worker).Should().Be(handedOver);
        response["type"]!.GetValue<string>().Should().Be(handedOver ? "application/vnd.microsoft.card.adaptive" : "application/vnd.microsoft.activity.message");
    }
}
