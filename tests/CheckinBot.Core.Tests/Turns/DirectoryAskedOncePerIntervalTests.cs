using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Tests.Pings;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Tests.Turns;

/// <summary>
/// A person the directory cannot complete (no zone or locale, as a Slack user may be) is not looked up on every turn:
/// the directory is asked again only after <see cref="TurnOptions.AskDirectoryEvery"/>.
/// </summary>
public sealed class DirectoryAskedOncePerIntervalTests
{
    private readonly PingWorld world = new();
    private readonly Introductions introductions;

    public DirectoryAskedOncePerIntervalTests()
    {
        var options = new TurnOptions { AskDirectoryEvery = TimeSpan.FromHours(24) };
        introductions = new Introductions(world.Collaborations, [world.People], new DirectoryAsks(options, world.Time));
        world.People.Add(PingWorld.Workspace, new ChatPerson("maria", "Maria"));
    }

    [Fact]
    public async Task APersonWithoutZoneOrLocaleIsLookedUpOnceForManyTurns()
    {
        for (var i = 0; i < 5; i++)
        {
            await introductions.KnowSenderAsync(Turn("maria"), default);
            world.Advance(60);
        }

        world.People.Lookups.Should().Be(1);
        world.Collaborations.People[(PingWorld.Platform, PingWorld.Workspace, "maria")].DisplayName.Should().Be("Maria");
    }

    [Fact]
    public async Task AfterTheIntervalTheDirectoryIsAskedAgainAndWhatItNowKnowsIsStored()
    {
        await introductions.KnowSenderAsync(Turn("maria"), default);
        world.People.Add(PingWorld.Workspace, new ChatPerson("maria", "Maria", "Asia/Manila", "en-US"));

        world.Time.Advance(TimeSpan.FromHours(24));
        await introductions.KnowSenderAsync(Turn("maria"), default);

        world.People.Lookups.Should().Be(2);
        world.Collaborations.People[(PingWorld.Platform, PingWorld.Workspace, "maria")]
            .Should().BeEquivalentTo(new { TimeZone = "Asia/Manila", Language = "en" });
    }

    [Fact]
    public async Task ADirectoryThatCouldNotAnswerIsAskedAgainAtTheNextTurn()
    {
        await introductions.KnowSenderAsync(Turn("nobody"), default);
        await introductions.KnowSenderAsync(Turn("nobody"), default);

        world.People.Lookups.Should().Be(2);
    }

    private static ChatTurn Turn(string person) => new()
    {
        Platform = PingWorld.Platform, WorkspaceId = PingWorld.Workspace, ConversationId = "C9", Person = new ChatPerson(person),
        Kind = TurnKind.Command, Text = "setup",
    };
}
