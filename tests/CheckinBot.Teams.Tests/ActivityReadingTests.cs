using System.Text.Json;
using CheckinBot.Core.Conversations;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Tests.Fakes;

namespace CheckinBot.Teams.Tests;

/// <summary>Recorded Teams activities become the core's turns.</summary>
public sealed class ActivityReadingTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static ChatTurn? Read(string fixture, Action<Dictionary<string, string>>? values = null) =>
        TurnReader.Read(JsonSerializer.Deserialize<Activity>(Fixtures.Load(fixture, "https://smba.trafficmanager.net/amer/", values), Activity.Json)!, Today);

    [Fact]
    public void TheBotsMentionIsRemovedAndTheRestAddressesTheBot()
    {
        var turn = Read("channel-mention-command", v => v["text"] = "checkin propose update weekdays 17:00")!;

        turn.Kind.Should().Be(TurnKind.Message);
        turn.AddressesBot.Should().BeTrue("whether its words are a command is the core's to say");
        turn.Text.Should().Be("checkin propose update weekdays 17:00");
        turn.Platform.Should().Be("teams");
        turn.WorkspaceId.Should().Be(Fixtures.Tenant);
        turn.ConversationId.Should().Be(Fixtures.Channel, "the thread suffix is not part of the conversation");
        turn.IsDirect.Should().BeFalse();
    }

    [Fact]
    public void AKnownVerbAfterTheMentionAddressesTheBotWithoutTheWordCheckin()
    {
        var turn = Read("channel-mention-command", v => v["text"] = "accept 2")!;

        turn.Kind.Should().Be(TurnKind.Message);
        turn.AddressesBot.Should().BeTrue("whether its words are a command is the core's to say");
        turn.Text.Should().Be("accept 2");
    }

    [Fact]
    public void AQuestionToTheBotThatIsNoCommandGoesToPingHandling()
    {
        var turn = Read("channel-mention-command", v => v["text"] = "is Maria working on the report?")!;

        turn.Kind.Should().Be(TurnKind.Message);
    }

    [Fact]
    public void AnOtherPersonsMentionBecomesTheNeutralForm()
    {
        var turn = Read("channel-setup-with-client-mention")!;

        turn.Kind.Should().Be(TurnKind.Message);
        turn.AddressesBot.Should().BeTrue("whether its words are a command is the core's to say");
        turn.Text.Should().Be($"setup <@{Fixtures.Tom}> tz Europe/Brussels lang nl");
        turn.MentionedNames.Should().Equal(new Dictionary<string, string> { [Fixtures.Tom] = "Tom Peeters" }, "the bot's own mention is no person");
    }

    [Fact]
    public void ZoneAndLanguageComeFromClientInfo()
    {
        var turn = Read("channel-mention-command", v => v["text"] = "status")!;

        turn.Person.Should().Be(new ChatPerson(Fixtures.Maria, "Maria Santos", "Asia/Manila", "en"));
    }

    [Fact]
    public void ZoneFallsBackToLocalTimezoneAndLanguageToLocale()
    {
        var turn = Read("personal-message", v => v["text"] = "status")!;

        turn.Person.TimeZone.Should().Be("Europe/Brussels");
        turn.Person.Language.Should().Be("fr");
        turn.IsDirect.Should().BeTrue();
        turn.Kind.Should().Be(TurnKind.Message);
        turn.AddressesBot.Should().BeTrue("whether its words are a command is the core's to say");
    }

    [Fact]
    public void AChannelMessageWithoutMentionIsAnOrdinaryMessage()
    {
        var turn = Read("channel-message-without-mention", v => { v["text"] = "ok, ben je eraan begonnen?"; v["from"] = Fixtures.Tom; })!;

        turn.Kind.Should().Be(TurnKind.Message);
        turn.AddressesBot.Should().BeFalse("'ok' is an alias of accept, but not without the bot's mention");
        turn.Text.Should().Be("ok, ben je eraan begonnen?");
        turn.Person.Language.Should().Be("nl");
    }

    [Fact]
    public void AChannelMessageStartingWithCheckinIsPassedOnUnaddressedForTheCoreToRead()
    {
        var turn = Read("channel-message-without-mention", v => v["text"] = "checkin status")!;

        turn.Kind.Should().Be(TurnKind.Message);
        turn.AddressesBot.Should().BeFalse();
        turn.Text.Should().Be("checkin status");
    }

    [Fact]
    public void RepliesInAChannelGoInTheThreadOfTheMessage()
    {
        var turn = Read("channel-mention-command", v => { v["text"] = "help"; v["id"] = "42"; })!;

        turn.ThreadId.Should().Be("177243840112342");
        turn.MessageId.Should().Be("177243840112342");
        turn.EventId.Should().Be($"{Fixtures.Channel};messageid=177243840112342|177243840112342");
    }

    [Fact]
    public void AGroupChatHasNoThreads()
    {
        var turn = Read("group-chat-mention-command", v => v["text"] = "help")!;

        turn.ThreadId.Should().BeNull();
        turn.IsDirect.Should().BeFalse();
        turn.Kind.Should().Be(TurnKind.Message);
        turn.AddressesBot.Should().BeTrue("whether its words are a command is the core's to say");
    }

    [Fact]
    public void TheBotAddedToATeamIsAnInstallGreetedOncePerDay()
    {
        var update = Read("conversation-update-bot-added")!;
        var install = Read("installation-update-add")!;

        update.Kind.Should().Be(TurnKind.Install);
        install.Kind.Should().Be(TurnKind.Install);
        update.EventId.Should().Be(install.EventId, "Teams sends both on one install; the ledger lets one through");
    }

    [Fact]
    public void AnUninstallAsksForNoAnswer()
    {
        Read("installation-update-add", v => v["installAction"] = "remove").Should().BeNull();
    }

    [Fact]
    public void AnActionExecuteInvokeIsAButtonClick()
    {
        var turn = Read("invoke-adaptive-card-action", v => { v["action"] = "rhythm.accept"; v["value"] = "3"; v["from"] = Fixtures.Tom; })!;

        turn.Kind.Should().Be(TurnKind.Action);
        turn.ActionId.Should().Be("rhythm.accept");
        turn.ActionValue.Should().Be("3");
        turn.ConversationId.Should().Be(Fixtures.Channel);
        turn.ThreadId.Should().Be("1772438401123");
    }

    [Fact]
    public void AnActionSubmitValueOnAMessageIsAButtonClick()
    {
        var turn = Read("message-submit-action", v => { v["action"] = "rhythm.decline"; v["value"] = "1"; })!;

        turn.Kind.Should().Be(TurnKind.Action);
        turn.ActionId.Should().Be("rhythm.decline");
        turn.ActionValue.Should().Be("1");
    }

    [Fact]
    public void HtmlInTheTextIsReadAsText()
    {
        var turn = Read("channel-message-without-mention", v => v["text"] = "checkin draft Facturen &amp; offertes klaar")!;

        turn.Text.Should().Be("checkin draft Facturen & offertes klaar");
    }
}
