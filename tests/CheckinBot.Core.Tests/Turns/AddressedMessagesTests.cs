using CheckinBot.Core.Conversations;
using CheckinBot.Core.Tests.Pings;

namespace CheckinBot.Core.Tests.Turns;

public sealed class AddressedMessagesTests
{
    private readonly PingWorld world = new();

    private Task<IReadOnlyList<Messages.OutboundMessage>> SayAsync(string text, bool addressed) =>
        world.Router.HandleAsync(new ChatTurn
        {
            Platform = PingWorld.Platform, WorkspaceId = PingWorld.Workspace, ConversationId = PingWorld.Channel,
            Person = new ChatPerson("tom"), Kind = TurnKind.Message, Text = text, AddressesBot = addressed, MessageId = "m1",
        }, default);

    [Fact]
    public async Task AMessageThatAddressesTheBotWithAVerbIsACommand()
    {
        var answers = await SayAsync("rhythms", addressed: true);

        answers.Should().ContainSingle().Which.To.OnlyFor.Should().Be("tom");
    }

    [Fact]
    public async Task AMessageThatAddressesTheBotWithoutWordsGetsHelp()
    {
        var answers = await SayAsync("", addressed: true);

        answers.Should().ContainSingle().Which.Message.Lines.Should().NotBeEmpty();
    }

    [Fact]
    public async Task TheSameWordsNotAddressedToTheBotAreAnOrdinaryMessage()
    {
        var answers = await SayAsync("rhythms", addressed: false);

        answers.Should().BeEmpty();
    }

    [Fact]
    public async Task AnAddressedMessageThatIsNoCommandGoesToTheMessageHandler()
    {
        var answers = await SayAsync("ben je eraan begonnen?", addressed: true);

        answers.Should().NotBeEmpty();
        answers.Should().OnlyContain(a => a.Message.Kind != Messages.MessageKind.Reply || a.To.OnlyFor == null);
    }

    [Fact]
    public async Task AMessageStartingWithCheckinIsACommandEvenUnaddressed()
    {
        var answers = await SayAsync("checkin rhythms", addressed: false);

        answers.Should().ContainSingle().Which.To.OnlyFor.Should().Be("tom");
    }
}
