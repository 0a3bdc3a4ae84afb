using CheckinBot.Core.Conversations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Tests.Pings;
using CheckinBot.Core.Turns;
using CheckinBot.Testing;
using NodaTime;

namespace CheckinBot.Core.Tests.Turns;

/// <summary>
/// A Slack slash command is never sent again by Slack: when it only reads, the dispatcher writes no dedupe row for it;
/// when it writes, it is claimed as before, and a replay of the same request has no second effect.
/// </summary>
public sealed class DedupeOfCommandsNeverRetriedTests
{
    private readonly PingWorld world = new();
    private readonly InMemoryEventLedger events = new();
    private readonly RecordingGateway gateway = new(PingWorld.Platform);
    private readonly TurnDispatcher dispatcher;

    public DedupeOfCommandsNeverRetriedTests()
    {
        dispatcher = new TurnDispatcher(world.Router, new ChatGateways([gateway]), events, world.Time);
    }

    private static ChatTurn Command(string person, string text, string eventId, bool neverRetried, string conversation = PingWorld.Channel) => new()
    {
        Platform = PingWorld.Platform, WorkspaceId = PingWorld.Workspace, ConversationId = conversation, Person = new ChatPerson(person),
        Kind = TurnKind.Command, Text = text, EventId = eventId, NeverRetried = neverRetried,
    };

    /// <summary>True when the event was never claimed: a claim now succeeds.</summary>
    private Task<bool> UnclaimedAsync(string eventId) =>
        events.TryClaimAsync(PingWorld.Platform, eventId, Instant.FromDateTimeOffset(world.Time.GetUtcNow()), TurnDispatcher.ClaimLease, default);

    [Theory]
    [InlineData("help")]
    [InlineData("status")]
    [InlineData("next")]
    [InlineData("rhythms")]
    [InlineData("health")]
    [InlineData("fly to the moon")]
    public async Task AReadOnlyCommandThatIsNeverRetriedIsAnsweredWithoutADedupeRow(string text)
    {
        var answers = await dispatcher.AnswerOnceAsync(Command("tom", text, "command:T1", neverRetried: true), default);

        answers.Should().NotBeNullOrEmpty();
        (await UnclaimedAsync("command:T1")).Should().BeTrue();
    }

    [Fact]
    public async Task AReadOnlyCommandThatIsNeverRetriedIsAnsweredEachTimeItArrives()
    {
        var first = await dispatcher.AnswerOnceAsync(Command("tom", "help", "command:T1", neverRetried: true), default);
        var second = await dispatcher.AnswerOnceAsync(Command("tom", "help", "command:T1", neverRetried: true), default);

        first.Should().NotBeNullOrEmpty();
        second.Should().BeEquivalentTo(first);
    }

    [Fact]
    public async Task ACommandThatWritesIsClaimedEvenWhenNeverRetriedSoAReplayHasNoSecondEffect()
    {
        var first = await dispatcher.AnswerOnceAsync(Command("maria", "setup <@pieter>", "command:T2", neverRetried: true, conversation: "C9"), default);
        var replay = await dispatcher.AnswerOnceAsync(Command("maria", "setup <@pieter>", "command:T2", neverRetried: true, conversation: "C9"), default);

        first.Should().NotBeNullOrEmpty();
        replay.Should().BeNull();
        (await UnclaimedAsync("command:T2")).Should().BeFalse();
    }

    [Fact]
    public async Task AReadOnlyCommandThePlatformMaySendAgainIsStillAnsweredOnce()
    {
        var first = await dispatcher.AnswerOnceAsync(Command("tom", "status", "Ev1", neverRetried: false), default);
        var retry = await dispatcher.AnswerOnceAsync(Command("tom", "status", "Ev1", neverRetried: false), default);

        first.Should().NotBeNullOrEmpty();
        retry.Should().BeNull();
    }
}
