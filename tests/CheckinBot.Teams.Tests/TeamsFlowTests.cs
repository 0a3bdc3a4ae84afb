using System.Net;
using System.Text.Json.Nodes;
using CheckinBot.Teams.Tests.Fakes;

namespace CheckinBot.Teams.Tests;

/// <summary>Whole journeys through /api/messages, the core's use cases on SQLite, and the fake connector.</summary>
public sealed class TeamsFlowTests : IAsyncLifetime
{
    private const string ChannelActivities = "/v3/conversations/" + Fixtures.Channel + "/activities";
    private TeamsTestHost host = null!;

    public async Task InitializeAsync() => host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<IReadOnlyList<ConnectorCall>> SayAsync(string fixture, string text, string from = Fixtures.Maria, string name = "Maria Santos")
    {
        var before = host.Connector.Sends.Count;
        var response = await host.PostFixtureAsync(fixture, v => { v["text"] = text; v["from"] = from; v["fromName"] = name; });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var sends = await host.Connector.WaitForSendsAsync(before + 1);
        return sends.Skip(before).ToList();
    }

    private async Task SetUpAsync()
    {
        var response = await host.PostFixtureAsync("channel-setup-with-client-mention");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var sends = await host.Connector.WaitForSendsAsync(1);
        sends[0].Path.Should().Be(ChannelActivities);
        Text(sends[0]).Should().Contain("Tom Peeters", "the client is named as the mention names him, before he ever speaks");
    }

    private static string Text(ConnectorCall call) =>
        call.Body?["text"]?.GetValue<string>() ?? call.Body?["summary"]?.GetValue<string>() ?? "";

    [Fact]
    public async Task TwoTeamsUsersAgreeARhythmAndTheUpdateIsPostedAtTheAgreedTime()
    {
        await SetUpAsync();
        var proposal = await SayAsync("channel-mention-command", "checkin propose update weekdays 17:00");
        proposal[0].Path.Should().Be(ChannelActivities);
        proposal[0].Body!["attachments"]![0]!["content"]!["actions"]![0]!["verb"]!.GetValue<string>().Should().Be("rhythm.accept");

        var agreed = await SayAsync("channel-mention-command", "checkin accept", Fixtures.Tom, "Tom Peeters");
        agreed.Should().Contain(c => c.Path == ChannelActivities && Text(c).Contains("17:00", StringComparison.Ordinal));
        var before = host.Connector.Sends.Count;

        // Monday 2 March 2026, 17:00 in Brussels is 16:00 UTC; the reminder comes 15 minutes before.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 15, 46, 0, TimeSpan.Zero));
        var early = await host.DeliverAsync();
        early.Reminders.Should().Be(1);
        var reminder = host.Connector.Sends.Skip(before).Should().ContainSingle().Subject;
        reminder.Path.Should().Be($"/v3/conversations/a:personal-{Fixtures.Maria}/activities", "the VA's reminder goes to her personal conversation");
        reminder.Body!["channelData"]!["notification"]!["alert"]!.GetValue<bool>().Should().BeTrue();
        host.Connector.Calls.Should().Contain(c => c.Path == "/v3/conversations" && c.Body!["members"]![0]!["id"]!.GetValue<string>() == Fixtures.Maria);

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 16, 0, 20, TimeSpan.Zero));
        var due = await host.DeliverAsync();
        due.Posted.Should().Be(1);
        var update = host.Connector.Sends[^1];
        update.Path.Should().Be(ChannelActivities);
        update.Authorization.Should().StartWith("Bearer token-");
        update.Body!["channelData"]!["checkinbot"]!["occurrenceKey"]!.GetValue<string>().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task WhenTheTenantsServiceUrlMovesTheVasPersonalConversationFollows()
    {
        await SetUpAsync();
        await SayAsync("channel-mention-command", "checkin propose update weekdays 17:00");
        await SayAsync("channel-mention-command", "checkin accept", Fixtures.Tom, "Tom Peeters");
        await SayAsync("personal-message", "checkin status");
        var personal = $"/v3/conversations/a:1personal-{Fixtures.Maria}/activities";
        host.Connector.Sends[^1].Path.Should().Be(personal);

        // Bot Framework: a conversation's service URL can change; the latest activity's is the one to use.
        var moved = host.Connector.ServiceUrlOf("emea");
        (await host.PostFixtureViaAsync(moved, "channel-mention-command", v => v["text"] = "checkin next")).StatusCode.Should().Be(HttpStatusCode.OK);
        await host.Connector.WaitForSendsAsync(host.Connector.Sends.Count + 1);
        var before = host.Connector.Sends.Count;

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 15, 46, 0, TimeSpan.Zero));
        (await host.DeliverAsync()).Reminders.Should().Be(1);

        var reminder = host.Connector.Sends.Skip(before).Should().ContainSingle().Subject;
        reminder.Path.Should().Be(personal);
        reminder.Region.Should().Be("emea", "the personal conversation is reached through the tenant's newest service URL");
    }

    [Fact]
    public async Task AcceptingWithTheCardButtonAnswersTheClickWithACard()
    {
        await SetUpAsync();
        await SayAsync("channel-mention-command", "checkin propose update weekdays 17:00");
        var sendsBefore = host.Connector.Sends.Count;

        var response = await host.PostFixtureAsync("invoke-adaptive-card-action", v => { v["from"] = Fixtures.Tom; v["fromName"] = "Tom Peeters"; v["value"] = "1"; });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["statusCode"]!.GetValue<int>().Should().Be(200);
        body["type"]!.GetValue<string>().Should().Be("application/vnd.microsoft.card.adaptive");
        body["value"]!["fallbackText"]!.GetValue<string>().Should().Contain("17:00");
        host.Connector.Sends.Count.Should().Be(sendsBefore, "the answer replaced the card instead of being posted again");
    }

    [Fact]
    public async Task AnActionSubmitClickRunsTheSameUseCase()
    {
        await SetUpAsync();
        await SayAsync("channel-mention-command", "checkin propose update weekdays 17:00");

        var sends = await SayAsync("message-submit-action", "", Fixtures.Tom, "Tom Peeters");

        sends.Should().Contain(c => c.Path.StartsWith(ChannelActivities, StringComparison.Ordinal) && Text(c).Contains("17:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameActivitySentTwiceHasOneEffect()
    {
        await SetUpAsync();
        var activity = Fixtures.Load("channel-mention-command", host.Connector.ServiceUrl, v => { v["text"] = "checkin propose update weekdays 17:00"; v["id"] = "777"; });

        (await host.PostAsync(activity)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.PostAsync(activity)).StatusCode.Should().Be(HttpStatusCode.OK);
        await host.Connector.WaitForSendsAsync(2);
        await host.Connector.WaitForSendsAsync(3, TimeSpan.FromSeconds(2));

        host.Connector.Sends.Should().HaveCount(2, "the setup answer and one proposal");
    }

    [Fact]
    public async Task AnInstallIsGreetedOnceWithHelp()
    {
        await host.PostFixtureAsync("conversation-update-bot-added");
        await host.PostFixtureAsync("installation-update-add");
        await host.Connector.WaitForSendsAsync(1);
        await host.Connector.WaitForSendsAsync(2, TimeSpan.FromSeconds(2));

        var greeting = host.Connector.Sends.Should().ContainSingle().Subject;
        greeting.Body!["text"]!.GetValue<string>().Should().Contain("propose update weekdays 17:00");
        greeting.Path.Should().Be(ChannelActivities, "everyone where the bot was added reads how to begin");
    }

    [Fact]
    public async Task AnAnswerOnlyForTheSenderGoesToTheirPersonalConversation()
    {
        var sends = await SayAsync("channel-mention-command", "status", Fixtures.Tom, "Tom Peeters");

        sends.Should().ContainSingle().Which.Path.Should().Be($"/v3/conversations/a:personal-{Fixtures.Tom}/activities");
    }

    [Fact]
    public async Task WhenNoPersonalConversationOpensTheAnswerMentionsThePersonInTheConversation()
    {
        host.Connector.RefuseConversations = true;

        var sends = await SayAsync("channel-mention-command", "status", Fixtures.Tom, "Tom Peeters");

        var answer = sends.Should().ContainSingle().Subject;
        answer.Path.Should().Be(ChannelActivities);
        answer.Body!["entities"]![0]!["mentioned"]!["id"]!.GetValue<string>().Should().Be(Fixtures.Tom);
        answer.Body!["text"]!.GetValue<string>().Should().StartWith("<at>Tom Peeters</at>");
    }

    [Fact]
    public async Task SetupWithATeamsMentionMakesTheMentionedPersonTheClient()
    {
        await SetUpAsync();

        var sends = await SayAsync("channel-mention-command", "status", Fixtures.Tom, "Tom Peeters");

        var answer = sends.Should().ContainSingle().Subject;
        answer.Path.Should().Be($"/v3/conversations/a:personal-{Fixtures.Tom}/activities");
        Text(answer).Should().NotContain("collaboration here yet").And.NotContain("Only the VA and the client");
    }
}
