using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Tests.Pings;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Tests.Turns;

/// <summary>
/// Senders that read-only turns left for later are introduced in batches: one read and one write per batch, the
/// directory asked once per person, and only while no turn waits for an answer.
/// </summary>
public sealed class StrangersAreIntroducedTogetherAfterTheAnswersTests
{
    private readonly PingWorld world = new();
    private readonly TurnOptions options = new() { IntroductionQueueCapacity = 100 };
    private readonly PendingIntroductions pending;
    private readonly Introductions introductions;
    private readonly TurnInbox answers = new(10);

    public StrangersAreIntroducedTogetherAfterTheAnswersTests()
    {
        pending = new PendingIntroductions(options);
        introductions = new Introductions(world.Collaborations, [world.People], new DirectoryAsks(options, world.Time), pending, world.Recent);
        foreach (var name in new[] { "ana", "bo", "cy" })
        {
            world.People.Add(PingWorld.Workspace, new ChatPerson(name, name.ToUpperInvariant(), "Europe/Brussels", "nl-BE"));
        }
    }

    [Fact]
    public async Task ABatchOfStrangersIsOneWriteWithOneDirectoryAskPerPerson()
    {
        var writes = world.Collaborations.PeopleWrites;

        var written = await introductions.KnowSendersAsync([Turn("ana"), Turn("bo"), Turn("ana"), Turn("cy")], default);

        written.Should().Be(3);
        world.Collaborations.PeopleWrites.Should().Be(writes + 1);
        world.People.Lookups.Should().Be(3);
        world.Collaborations.People[(PingWorld.Platform, PingWorld.Workspace, "bo")]
            .Should().BeEquivalentTo(new { DisplayName = "BO", TimeZone = "Europe/Brussels", Language = "nl" });
    }

    [Fact]
    public async Task PeopleKnownInFullAreNeitherAskedAboutNorWritten()
    {
        var writes = world.Collaborations.PeopleWrites;

        var written = await introductions.KnowSendersAsync([Turn("ina"), Turn("tom")], default);

        written.Should().Be(0);
        world.Collaborations.PeopleWrites.Should().Be(writes);
        world.People.Lookups.Should().Be(0);
    }

    [Fact]
    public async Task ASenderTheDirectoryCallsABotIsNotWritten()
    {
        world.People.Add(PingWorld.Workspace, new ChatPerson("robo", "Robo", null, null, IsBot: true));

        var written = await introductions.KnowSendersAsync([Turn("robo"), Turn("ana")], default);

        written.Should().Be(1);
        world.Collaborations.People.Should().NotContainKey((PingWorld.Platform, PingWorld.Workspace, "robo"));
    }

    [Fact]
    public async Task IntroductionsWaitWhileATurnWaitsForAnAnswerAndThenGoTogether()
    {
        var batches = new List<IReadOnlyList<ChatTurn>>();
        pending.Offer(Turn("ana"));
        pending.Offer(Turn("bo"));
        await answers.QueueAsync(new PendingTurn(Turn("tom"), HandOver.None), default);

        var next = pending.IntroduceNextAsync(answers, batchSize: 10, batch =>
        {
            batches.Add(batch);
            return Task.CompletedTask;
        }, default);

        next.IsCompleted.Should().BeFalse("an answer waits");
        batches.Should().BeEmpty();
        answers.TryRead(out _).Should().BeTrue();
        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue("taking the last waiting turn signals, with no clock to move on");
        batches.Should().ContainSingle().Which.Select(t => t.Person.Id).Should().Equal("ana", "bo");
        pending.Waiting.Should().Be(0);
    }

    [Fact]
    public async Task ABatchIsNoLargerThanItsSizeAndTheRestWaitsForTheNext()
    {
        var sizes = new List<int>();
        foreach (var name in new[] { "ana", "bo", "cy" })
        {
            pending.Offer(Turn(name));
        }

        await pending.IntroduceNextAsync(answers, batchSize: 2, batch =>
        {
            sizes.Add(batch.Count);
            return Task.CompletedTask;
        }, default);

        sizes.Should().Equal(2);
        pending.Waiting.Should().Be(1);
    }

    [Fact]
    public async Task ABatchThatFailedIsDoneSoItsPeopleAreOfferedAgainLater()
    {
        pending.Offer(Turn("ana"));

        var failing = () => pending.IntroduceNextAsync(answers, batchSize: 10, _ => throw new InvalidOperationException("store down"), default);

        await failing.Should().ThrowAsync<InvalidOperationException>();
        pending.Waiting.Should().Be(0);
        pending.Offer(Turn("ana")).Should().BeTrue();
        pending.Waiting.Should().Be(1);
    }

    private static ChatTurn Turn(string person) => new()
    {
        Platform = PingWorld.Platform, WorkspaceId = PingWorld.Workspace, ConversationId = "C9", Person = new ChatPerson(person),
        Kind = TurnKind.Command, Text = "help",
    };
}
