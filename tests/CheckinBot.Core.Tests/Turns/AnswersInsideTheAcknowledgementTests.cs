using CheckinBot.Core.Conversations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Tests.Pings;
using CheckinBot.Core.Turns;
using CheckinBot.Testing;

namespace CheckinBot.Core.Tests.Turns;

public sealed class AnswersInsideTheAcknowledgementTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    /// <summary>The sender's answer inside the acknowledgement, for a budget that these tests never reach.</summary>
    private static HandOver Inline => HandOver.Within(Long, TimeProvider.System.GetTimestamp(), TimeProvider.System, InlineAnswers.ForSender);

    private readonly PingWorld world = new();
    private readonly RecordingGateway gateway = new(PingWorld.Platform);
    private readonly TurnRunner runner;

    public AnswersInsideTheAcknowledgementTests()
    {
        var dispatcher = new TurnDispatcher(world.Router, new ChatGateways([gateway]), new InMemoryEventLedger(), world.Time);
        runner = new TurnRunner(dispatcher, new ChatGateways([gateway]));
    }

    private static ChatTurn Command(string person, string text, string? eventId = null, string conversation = PingWorld.Channel) => new()
    {
        Platform = PingWorld.Platform, WorkspaceId = PingWorld.Workspace, ConversationId = conversation, Person = new ChatPerson(person),
        Kind = TurnKind.Command, Text = text, EventId = eventId, ReplyAddress = "https://hooks.example/reply/1",
    };

    [Fact]
    public async Task HelpIsHandedToTheWaitingAdapterAndNothingIsPosted()
    {
        var pending = new PendingTurn(Command("tom", "help"), Inline);

        var waiting = pending.WaitInlineAsync(Long, TimeProvider.System, default);
        await runner.RunAsync(pending, default);
        var answer = await waiting;

        answer.Should().NotBeNull();
        answer!.To.OnlyFor.Should().Be("tom");
        gateway.Posted.Should().BeEmpty();
        (await pending.Completion).Posted.Should().ContainSingle().Which.Receipt.Should().Be(TurnRunner.InAcknowledgement);
    }

    [Fact]
    public async Task StatusIsAnsweredInsideTheAcknowledgementToo()
    {
        var pending = new PendingTurn(Command("tom", "status"), Inline);

        var waiting = pending.WaitInlineAsync(Long, TimeProvider.System, default);
        await runner.RunAsync(pending, default);

        (await waiting).Should().NotBeNull();
        gateway.Posted.Should().BeEmpty();
    }

    [Fact]
    public async Task AnAnswerReadyAfterTheBudgetGoesToTheTurnsReplyAddress()
    {
        var pending = new PendingTurn(Command("tom", "help"), Inline);

        var answer = await pending.WaitInlineAsync(TimeSpan.FromMilliseconds(1), TimeProvider.System, default);
        await runner.RunAsync(pending, default);

        answer.Should().BeNull();
        gateway.Posted.Should().ContainSingle().Which.To.Should().BeEquivalentTo(new { ReplyAddress = "https://hooks.example/reply/1", OnlyFor = "tom" });
    }

    [Fact]
    public async Task AnAdapterWithNoBudgetLeftTakesNoAnswerAndTheAnswerGoesOnceToTheReplyAddress()
    {
        var pending = new PendingTurn(Command("tom", "help"), Inline);

        var answer = await pending.WaitInlineAsync(TimeSpan.Zero, world.Time, default);
        await runner.RunAsync(pending, default);

        answer.Should().BeNull();
        gateway.Posted.Should().ContainSingle().Which.To.ReplyAddress.Should().Be("https://hooks.example/reply/1");
        (await pending.Completion).Posted.Should().ContainSingle().Which.Receipt.Should().NotBe(TurnRunner.InAcknowledgement);
    }

    [Fact]
    public async Task ANoticeForTheWholeChannelGoesThroughTheGateway()
    {
        var pending = new PendingTurn(Command("maria", "setup <@pieter>", conversation: "C9"), Inline);

        var waiting = pending.WaitInlineAsync(Long, TimeProvider.System, default);
        await runner.RunAsync(pending, default);

        (await waiting).Should().BeNull();
        gateway.Posted.Should().ContainSingle().Which.To.Should().BeEquivalentTo(new { ConversationId = "C9", OnlyFor = (string?)null, ReplyAddress = (string?)null });
    }

    [Fact]
    public async Task ARetryOfTheSameEventIsAnsweredOnce()
    {
        var first = new PendingTurn(Command("tom", "help", eventId: "e1"), Inline);
        var retry = new PendingTurn(Command("tom", "help", eventId: "e1"), Inline);

        await runner.RunAsync(first, default);
        await runner.RunAsync(retry, default);

        (await first.Completion).Posted.Should().HaveCount(1);
        (await retry.Completion).Posted.Should().BeEmpty();
        (await retry.WaitInlineAsync(Long, TimeProvider.System, default)).Should().BeNull();
    }

    [Fact]
    public async Task ATurnThatFailsReleasesTheWaitingAdapterAndFaultsItsCompletion()
    {
        var broken = new TurnRunner(
            new TurnDispatcher(world.Router, new ChatGateways([]), new InMemoryEventLedger(), world.Time), new ChatGateways([]));
        var pending = new PendingTurn(Command("tom", "setup <@pieter>", conversation: "C9"), Inline);

        var run = () => broken.RunAsync(pending, default);

        await run.Should().ThrowAsync<InvalidOperationException>();
        (await pending.WaitInlineAsync(Long, TimeProvider.System, default)).Should().BeNull();
        await pending.Invoking(p => p.Completion).Should().ThrowAsync<InvalidOperationException>();
    }
}
