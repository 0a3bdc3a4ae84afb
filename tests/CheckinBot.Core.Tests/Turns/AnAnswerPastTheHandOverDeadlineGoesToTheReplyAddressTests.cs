using CheckinBot.Core.Conversations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Tests.Pings;
using CheckinBot.Core.Turns;
using CheckinBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Core.Tests.Turns;

/// <summary>
/// A turn may run on the adapter's own thread before the adapter starts to wait (a worker was idle): its answer still goes
/// inside the acknowledgement only while the platform's budget lasts, and to the reply address after it.
/// </summary>
public sealed class AnAnswerPastTheHandOverDeadlineGoesToTheReplyAddressTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2.5);

    private readonly PingWorld world = new();
    private readonly RecordingGateway gateway = new(PingWorld.Platform);
    private readonly FakeTimeProvider wall = new();
    private readonly TurnRunner runner;

    public AnAnswerPastTheHandOverDeadlineGoesToTheReplyAddressTests()
    {
        var dispatcher = new TurnDispatcher(world.Router, new ChatGateways([gateway]), new InMemoryEventLedger(), world.Time);
        runner = new TurnRunner(dispatcher, new ChatGateways([gateway]));
    }

    private PendingTurn Help() => new PendingTurn(new ChatTurn
    {
        Platform = PingWorld.Platform, WorkspaceId = PingWorld.Workspace, ConversationId = PingWorld.Channel, Person = new ChatPerson("tom"),
        Kind = TurnKind.Command, Text = "help", ReplyAddress = "https://hooks.example/reply/1",
    }, HandOver.Within(Budget, wall.GetTimestamp(), wall, InlineAnswers.ForSender));

    [Fact]
    public async Task AnAnswerReadyWithinTheBudgetIsKeptForTheAdapterThatHasNotStartedWaiting()
    {
        var pending = Help();

        await runner.RunAsync(pending, default);
        wall.Advance(TimeSpan.FromSeconds(1));
        var answer = await pending.WaitInlineAsync(Budget - TimeSpan.FromSeconds(1), wall, default);

        answer.Should().NotBeNull();
        gateway.Posted.Should().BeEmpty();
    }

    [Fact]
    public async Task AnAnswerReadyAfterTheBudgetIsPostedToTheReplyAddressAndTheAdapterAcknowledgesEmpty()
    {
        var pending = Help();

        wall.Advance(Budget + TimeSpan.FromMilliseconds(1));
        await runner.RunAsync(pending, default);
        var answer = await pending.WaitInlineAsync(TimeSpan.Zero, wall, default);

        answer.Should().BeNull();
        gateway.Posted.Should().ContainSingle().Which.To.ReplyAddress.Should().Be("https://hooks.example/reply/1");
        (await pending.Completion).Posted.Should().ContainSingle().Which.Receipt.Should().NotBe(TurnRunner.InAcknowledgement);
    }

    [Fact]
    public async Task TheWaitingAdapterHasTheAnswerByTheTimeTheHandOverReturns()
    {
        var pending = Help();
        var waiting = pending.WaitInlineAsync(Budget, wall, default);
        var answer = new OutboundMessage(
            new ChatAddress { Platform = PingWorld.Platform, WorkspaceId = PingWorld.Workspace, ConversationId = PingWorld.Channel, OnlyFor = "tom" },
            BotMessage.Of(MessageKind.Reply, "hi"));

        var handedOver = pending.TryHandOver(answer);

        handedOver.Should().BeTrue();
        waiting.IsCompleted.Should().BeTrue("the adapter's wait continues on the thread that hands the answer over");
        (await waiting).Should().BeSameAs(answer);
    }
}
