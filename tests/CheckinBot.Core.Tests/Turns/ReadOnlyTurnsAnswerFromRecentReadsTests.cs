using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Tests.Pings;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Tests.Turns;

/// <summary>
/// Read-only turns answer from what another read-only turn read of a person or a conversation's collaboration within
/// <see cref="TurnOptions.RecentReadsLifetime"/> (five seconds by default); what a command or an introduction writes, the store
/// forgets, so the next read goes to the store.
/// </summary>
public sealed class ReadOnlyTurnsAnswerFromRecentReadsTests
{
    private readonly PingWorld world = new();
    private readonly RecentReads recent;
    private readonly TurnRouter router;
    private int reads;

    public ReadOnlyTurnsAnswerFromRecentReadsTests()
    {
        var options = new TurnOptions();
        recent = world.Recent;
        var introductions = new Introductions(world.Collaborations, [world.People], new DirectoryAsks(options, world.Time), new PendingIntroductions(options), recent);
        router = new TurnRouter(CommandTable.Of(world.Handlers), introductions, world.Collaborations, world.Responder, world.Time, recent);
    }

    [Fact]
    public async Task AReadWithinTheLifetimeIsAnsweredFromMemory()
    {
        await ReadInaAsync();
        world.Time.Advance(TimeSpan.FromSeconds(4));
        var again = await ReadInaAsync();

        reads.Should().Be(1);
        again!.DisplayName.Should().Be("Ina");
    }

    [Fact]
    public async Task AReadWithinTheLifetimeAllocatesNothing()
    {
        var store = world.Collaborations;
        Func<ICollaborationStore, Task<Person?>> read = static store => store.FindPersonAsync(PingWorld.Platform, PingWorld.Workspace, "ina", default);
        await recent.PersonAsync(PingWorld.Platform, PingWorld.Workspace, "ina", store, read);
        var first = recent.PersonAsync(PingWorld.Platform, PingWorld.Workspace, "ina", store, read);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var again = recent.PersonAsync(PingWorld.Platform, PingWorld.Workspace, "ina", store, read);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0, "a fresh read is its entry's finished task, with no closure");
        again.IsCompletedSuccessfully.Should().BeTrue();
        again.Should().BeSameAs(first);
        (await again)!.DisplayName.Should().Be("Ina");
    }

    [Fact]
    public async Task AfterTheLifetimeTheStoreIsReadAgain()
    {
        await ReadInaAsync();
        world.Time.Advance(TimeSpan.FromSeconds(5));
        await ReadInaAsync();

        reads.Should().Be(2);
    }

    [Fact]
    public async Task AReadDuringWhichSomethingWasWrittenIsNotKept()
    {
        await InaAsync(() =>
        {
            reads++;
            recent.ForgetAll();
            return world.Collaborations.FindPersonAsync(PingWorld.Platform, PingWorld.Workspace, "ina", default);
        });
        await ReadInaAsync();

        reads.Should().Be(2);
    }

    [Fact]
    public async Task AReadDuringWhichItsPersonWasWrittenIsNotKept()
    {
        await InaAsync(() =>
        {
            reads++;
            recent.ForgetPerson(PingWorld.Platform, PingWorld.Workspace, "ina");
            return world.Collaborations.FindPersonAsync(PingWorld.Platform, PingWorld.Workspace, "ina", default);
        });
        await ReadInaAsync();

        reads.Should().Be(2);
    }

    [Fact]
    public async Task AReadDuringWhichSomeoneElseWasWrittenIsKept()
    {
        // Introductions write people all the time while answers are read: only a write of the same person spoils a read.
        await InaAsync(() =>
        {
            reads++;
            recent.ForgetPerson(PingWorld.Platform, PingWorld.Workspace, "tom");
            return world.Collaborations.FindPersonAsync(PingWorld.Platform, PingWorld.Workspace, "ina", default);
        });
        await ReadInaAsync();

        reads.Should().Be(1);
    }

    [Fact]
    public async Task OfTwoOverlappingReadsOfOnePersonTheLaterIsKept()
    {
        var first = new TaskCompletionSource<Person?>();
        var slow = InaAsync(() =>
        {
            reads++;
            return first.Task;
        });
        var fresh = await ReadInaAsync();
        first.SetResult(null);
        await slow;

        var again = await ReadInaAsync();

        reads.Should().Be(2, "the second read was kept, and the first, which began before it, did not replace it");
        again.Should().BeSameAs(fresh);
    }

    [Fact]
    public async Task StatusAfterASetupInTheSameConversationSeesTheNewCollaboration()
    {
        var before = await CommandAsync("ina", "status", "C7");

        await CommandAsync("ina", "setup <@tom>", "C7");
        var after = await CommandAsync("tom", "status", "C7");

        TextOf(before).Should().Contain(Localizer.Get("en", "error.noCollaboration"));
        TextOf(after).Should().NotContain(Localizer.Get("nl", "error.noCollaboration"));
        world.Collaborations.All.Should().Contain(c => c.ConversationId == "C7");
    }

    [Fact]
    public async Task StatusAfterLangIsAnsweredInTheNewLanguage()
    {
        var before = await CommandAsync("ina", "status", "C7");

        await CommandAsync("ina", "lang fr", "C7");
        var after = await CommandAsync("ina", "status", "C7");

        TextOf(before).Should().Contain(Localizer.Get("en", "error.noCollaboration"));
        TextOf(after).Should().Contain(Localizer.Get("fr", "error.noCollaboration"));
    }

    private Task<Person?> ReadInaAsync() =>
        InaAsync(() =>
        {
            reads++;
            return world.Collaborations.FindPersonAsync(PingWorld.Platform, PingWorld.Workspace, "ina", default);
        });

    /// <summary>Ina as recently read, or as <paramref name="read"/> says now (the read itself as the state it is given).</summary>
    private Task<Person?> InaAsync(Func<Task<Person?>> read) =>
        recent.PersonAsync(PingWorld.Platform, PingWorld.Workspace, "ina", read, static read => read());

    private Task<IReadOnlyList<OutboundMessage>> CommandAsync(string person, string text, string conversation) =>
        router.HandleAsync(new ChatTurn
        {
            Platform = PingWorld.Platform, WorkspaceId = PingWorld.Workspace, ConversationId = conversation, Person = new ChatPerson(person),
            Kind = TurnKind.Command, Text = text,
        }, default);

    private static string TextOf(IReadOnlyList<OutboundMessage> answers) => string.Join("\n", answers.Select(a => a.Message.PlainText));
}
