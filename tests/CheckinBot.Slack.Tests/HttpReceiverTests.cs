using System.Net;
using CheckinBot.Core.Conversations;
using CheckinBot.Slack.Tests.Support;

namespace CheckinBot.Slack.Tests;

public sealed class HttpReceiverTests : IAsyncLifetime
{
    private FakeSlack slack = null!;
    private SlackTestApp app = null!;

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    private System.Collections.Concurrent.ConcurrentQueue<ChatTurn> Turns => app.Drain!.Turns;

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        slack.AddUser("UVA00001", "Maria", "Asia/Manila", "en-US");
        slack.AddUser("UCLIENT01", "Pieter", "Europe/Brussels", "nl-BE");
        app = await SlackTestApp.StartAsync(slack, new Dictionary<string, string?> { ["Slack:MaxBodyBytes"] = "4096" });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task SlashCommandIsAcknowledgedAtOnceWithAnEmpty200AndQueuedAsACommandTurn()
    {
        using var response = await app.Client.SendAsync(SlackSigner.Command("command_setup.form", Now));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
        await Eventually.HoldsAsync(() => Turns.Count == 1);
        var turn = Turns.Single();
        turn.Should().BeEquivalentTo(new
        {
            Platform = "slack",
            WorkspaceId = "T0CHECKIN",
            ConversationId = "C0SHARED",
            Kind = TurnKind.Command,
            Text = "setup <@UCLIENT01|pieter>",
            IsDirect = false,
            EventId = "command:1111.2222.setup0001",
        });
    }

    [Fact]
    public async Task TheSendersSlackProfileMakesThemKnownWithTheirNameZoneAndLanguage()
    {
        using var response = await app.Client.SendAsync(SlackSigner.Command("command_propose.form", Now));

        await Eventually.HoldsAsync(() => app.Collaborations.People.ContainsKey(("slack", "T0CHECKIN", "UVA00001")));
        app.Collaborations.People[("slack", "T0CHECKIN", "UVA00001")]
            .Should().BeEquivalentTo(new { DisplayName = "Maria", TimeZone = "Asia/Manila", Language = "en" });
        Turns.Single().Person.Should().Be(new ChatPerson("UVA00001", "maria"), "the adapter parses its protocol and looks nobody up");
    }

    [Fact]
    public async Task UrlVerificationIsAnsweredWithTheChallenge()
    {
        using var response = await app.Client.SendAsync(SlackSigner.Event("url_verification.json", Now));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    [Fact]
    public async Task ChannelMessageBecomesAMessageTurnCarryingItsEventId()
    {
        using var response = await app.Client.SendAsync(SlackSigner.Event("event_message.json", Now));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await Eventually.HoldsAsync(() => Turns.Count == 1);
        Turns.Single().Should().BeEquivalentTo(new
        {
            Kind = TurnKind.Message,
            WorkspaceId = "T0CHECKIN",
            ConversationId = "C0SHARED",
            Text = "any update on the invoices?",
            MessageId = "1767603600.000200",
            ThreadId = "1767603600.000200",
            IsDirect = false,
            EventId = "Ev0MSG0001",
        });
    }

    [Fact]
    public async Task DirectMessageInAThreadIsDirectAndKeepsItsThread()
    {
        using var response = await app.Client.SendAsync(SlackSigner.Event("event_message_im.json", Now));

        await Eventually.HoldsAsync(() => Turns.Count == 1);
        Turns.Single().Should().BeEquivalentTo(new { IsDirect = true, ConversationId = "D0CLIENT", ThreadId = "1767603000.000100" });
    }

    [Theory]
    [InlineData("event_bot_message.json")]
    [InlineData("event_own_message.json")]
    [InlineData("event_message_changed.json")]
    [InlineData("event_message_deleted.json")]
    public async Task BotMessagesOwnPostsEditsAndDeletionsAreAcknowledgedAndIgnored(string fixture)
    {
        using var response = await app.Client.SendAsync(SlackSigner.Event(fixture, Now));
        using var marker = await app.Client.SendAsync(SlackSigner.Event("event_message.json", Now));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await Eventually.HoldsAsync(() => Turns.Count == 1);
        Turns.Single().EventId.Should().Be("Ev0MSG0001");
    }

    [Fact]
    public async Task RetriedEventHasOneEffect()
    {
        using var first = await app.Client.SendAsync(SlackSigner.Event("event_message.json", Now));
        using var retry = await app.Client.SendAsync(SlackSigner.Event("event_message.json", Now, retry: 1));
        using var again = await app.Client.SendAsync(SlackSigner.Event("event_message.json", Now, retry: 2));
        using var marker = await app.Client.SendAsync(SlackSigner.Event("event_message_im.json", Now));

        new[] { first, retry, again }.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        await Eventually.HoldsAsync(() => Turns.Any(t => t.EventId == "Ev0MSG0002"));
        Turns.Count(t => t.EventId == "Ev0MSG0001").Should().Be(1);
    }

    [Fact]
    public async Task ButtonClickBecomesAnActionTurnWithTheButtonsIdAndValue()
    {
        using var response = await app.Client.SendAsync(SlackSigner.Interaction("block_actions_accept.json", Now));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await Eventually.HoldsAsync(() => Turns.Count == 1);
        Turns.Single().Should().BeEquivalentTo(new
        {
            Kind = TurnKind.Action,
            ActionId = "rhythm.accept",
            ActionValue = "1",
            ConversationId = "C0SHARED",
            MessageId = "1767603500.000150",
            Person = new { Id = "UCLIENT01" },
        });
    }

    [Fact]
    public async Task OtherInteractionsAreAcknowledgedAndIgnored()
    {
        using var response = await app.Client.SendAsync(SlackSigner.Interaction("view_submission.json", Now));
        using var marker = await app.Client.SendAsync(SlackSigner.Event("event_message.json", Now));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await Eventually.HoldsAsync(() => Turns.Count == 1);
        Turns.Single().Kind.Should().Be(TurnKind.Message);
    }

    [Theory]
    [InlineData("app_uninstalled", "event_app_uninstalled.json")]
    [InlineData("tokens_revoked", "event_tokens_revoked.json")]
    public async Task UninstallingRemovesTheInstallation(string because, string fixture)
    {
        await app.Installations.SaveAsync(new() { Platform = "slack", WorkspaceId = "T0CHECKIN", BotToken = "xoxb-old" }, default);

        using var response = await app.Client.SendAsync(SlackSigner.Event(fixture, Now));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await Eventually.HoldsAsync(() => app.Installations.All.IsEmpty, because: because);
    }
}
