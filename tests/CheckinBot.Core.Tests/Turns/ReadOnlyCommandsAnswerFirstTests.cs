using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Tests.Pings;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Tests.Turns;

/// <summary>
/// A command that only reads is answered from what the store and the turn know of its sender; a new or incomplete
/// sender is introduced afterwards, through the pending introductions. Commands that write still introduce first.
/// </summary>
public sealed class ReadOnlyCommandsAnswerFirstTests
{
    private readonly PingWorld world = new();
    private readonly PendingIntroductions pending;
    private readonly Introductions introductions;
    private readonly TurnRouter router;

    public ReadOnlyCommandsAnswerFirstTests()
    {
        var options = new TurnOptions { IntroductionQueueCapacity = 2 };
        pending = new PendingIntroductions(options);
        introductions = new Introductions(world.Collaborations, [world.People], new DirectoryAsks(options, world.Time), pending, world.Recent);
        router = new TurnRouter(CommandTable.Of(world.Handlers), introductions, world.Collaborations, world.Responder, world.Time, world.Recent);
        world.People.Add(PingWorld.Workspace, new ChatPerson("maria", "Maria", "Asia/Manila", "fr-FR"));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("status")]
    [InlineData("rhythms")]
    [InlineData("frobnicate")]
    public async Task AReadOnlyCommandOfANewSenderIsAnsweredWithoutAskingTheDirectoryOrWriting(string text)
    {
        var writes = world.Collaborations.PersonWrites;

        var answers = await CommandAsync("maria", text);

        answers.Should().NotBeEmpty();
        world.People.Lookups.Should().Be(0);
        world.Collaborations.PersonWrites.Should().Be(writes);
        pending.Waiting.Should().Be(1);
    }

    [Fact]
    public async Task TheNewSenderIsIntroducedAfterTheAnswerAndThenAnsweredInTheirLanguage()
    {
        var first = await CommandAsync("maria", "help");
        await DrainAsync();
        var second = await CommandAsync("maria", "help");

        world.Collaborations.People[(PingWorld.Platform, PingWorld.Workspace, "maria")]
            .Should().BeEquivalentTo(new { DisplayName = "Maria", TimeZone = "Asia/Manila", Language = "fr" });
        TextOf(first).Should().NotBe(TextOf(second), "the first answer is in the default language, the second in hers");
        pending.Waiting.Should().Be(0);
    }

    [Fact]
    public async Task ASenderKnownInFullIsNotOfferedForIntroduction()
    {
        await CommandAsync("ina", "status");

        pending.Waiting.Should().Be(0);
        world.People.Lookups.Should().Be(0);
    }

    [Fact]
    public async Task TheSameSenderWaitingTwiceIsOneIntroduction()
    {
        await CommandAsync("maria", "help");
        await CommandAsync("maria", "status");

        pending.Waiting.Should().Be(1);
        pending.Reader.Count.Should().Be(1);
    }

    [Fact]
    public async Task WhenThePendingIntroductionsAreFullTheAnswerStillComesAndTheIntroductionIsSkippedAndCounted()
    {
        await CommandAsync("a", "help");
        await CommandAsync("b", "help");

        var answers = await CommandAsync("c", "help");

        answers.Should().NotBeEmpty();
        pending.Skipped.Should().Be(1);
        pending.Waiting.Should().Be(2);
    }

    [Fact]
    public async Task ACommandThatWritesIntroducesItsSenderBeforeItIsAnswered()
    {
        world.People.Add(PingWorld.Workspace, new ChatPerson("tom", "Tom", "Europe/Brussels", "nl-BE"));

        await CommandAsync("maria", "setup <@tom>", conversation: "C7");

        world.People.Lookups.Should().BeGreaterThan(0);
        world.Collaborations.People[(PingWorld.Platform, PingWorld.Workspace, "maria")].Language.Should().Be("fr");
        world.Collaborations.All.Should().Contain(c => c.ConversationId == "C7" && c.VaId == "maria");
        pending.Waiting.Should().Be(0);
    }

    private async Task DrainAsync()
    {
        while (pending.Reader.TryRead(out var turn))
        {
            await introductions.KnowSenderAsync(turn, default);
            pending.Done(turn);
        }
    }

    private Task<IReadOnlyList<OutboundMessage>> CommandAsync(string person, string text, string conversation = "C9") =>
        router.HandleAsync(new ChatTurn
        {
            Platform = PingWorld.Platform, WorkspaceId = PingWorld.Workspace, ConversationId = conversation, Person = new ChatPerson(person),
            Kind = TurnKind.Command, Text = text,
        }, default);

    private static string TextOf(IReadOnlyList<OutboundMessage> answers) => string.Join("\n", answers.Select(a => a.Message.PlainText));
}
