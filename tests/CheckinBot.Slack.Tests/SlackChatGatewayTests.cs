using System.Diagnostics;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Turns;
using CheckinBot.Slack.Receiving;
using CheckinBot.Slack.Tests.Support;
using CheckinBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Slack.Tests;

public sealed class SlackChatGatewayTests : IAsyncLifetime
{
    private FakeSlack slack = null!;
    private SlackTestApp app = null!;

    private IChatGateway Gateway => app.Services.GetServices<IChatGateway>().Single(g => g.Platform == "slack");

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        app = await SlackTestApp.StartAsync(slack, recordTurns: false);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await slack.DisposeAsync();
    }

    private static BotMessage Proposal => new(
        MessageKind.Notice,
        "New proposal",
        ["Maria proposes an end-of-day update on weekdays at 17:00 <Europe/Brussels> & co."],
        [new MessageButton(ActionIds.Accept, "Accept", "1", Primary: true), new MessageButton(ActionIds.Decline, "Decline", "1")],
        "Times in Europe/Brussels");

    [Fact]
    public async Task ChannelPostGoesToChatPostMessageWithBlocksAndTheOccurrenceKeyInItsMetadata()
    {
        var receipt = await Gateway.PostAsync(
            new OutboundMessage(ChatAddress.Conversation("slack", "T0CHECKIN", "C0SHARED"), Proposal, OccurrenceKey: "abc@1767628800"), default);

        var call = slack.CallsTo("chat.postMessage").Single();
        call.Token.Should().Be("xoxb-test-token");
        call["channel"].Should().Be("C0SHARED");
        receipt.MessageId.Should().MatchRegex(@"^\d+\.\d{6}$");
        call.Json!["metadata"]!["event_type"]!.GetValue<string>().Should().Be("checkin_occurrence");
        call.Json["metadata"]!["event_payload"]!["occurrence_key"]!.GetValue<string>().Should().Be("abc@1767628800");
        var blocks = call.Json["blocks"]!.AsArray().Select(b => b!["type"]!.GetValue<string>());
        blocks.Should().Equal("section", "section", "context", "actions");
        call["text"].Should().Contain("&lt;Europe/Brussels&gt; &amp; co.");
    }

    [Fact]
    public async Task AnAcknowledgementWithAReactionIsAReactionOnTheClientsMessageAndNoPost()
    {
        var ack = BotMessage.Of(MessageKind.PingAck, "👀 Got it, Tom.") with { Reaction = new MessageReaction("eyes", "1767603600.000300") };

        var receipt = await Gateway.PostAsync(new OutboundMessage(ChatAddress.Conversation("slack", "T0CHECKIN", "C0SHARED", "1767603600.000300"), ack), default);

        var call = slack.CallsTo("reactions.add").Should().ContainSingle().Subject;
        call["name"].Should().Be("eyes");
        call["timestamp"].Should().Be("1767603600.000300");
        call["channel"].Should().Be("C0SHARED");
        slack.CallsTo("chat.postMessage").Should().BeEmpty();
        receipt.MessageId.Should().Be("1767603600.000300");
    }

    [Fact]
    public async Task ThreadedPostCarriesItsThread()
    {
        await Gateway.PostAsync(new OutboundMessage(ChatAddress.Conversation("slack", "T0CHECKIN", "C0SHARED", "1767603600.000200"), Proposal), default);

        slack.CallsTo("chat.postMessage").Single()["thread_ts"].Should().Be("1767603600.000200");
    }

    [Fact]
    public async Task ReplyForOnePersonIsEphemeral()
    {
        await Gateway.PostAsync(new OutboundMessage(ChatAddress.Ephemeral("slack", "T0CHECKIN", "C0SHARED", "UVA00001"), Proposal), default);

        var call = slack.CallsTo("chat.postEphemeral").Single();
        call["channel"].Should().Be("C0SHARED");
        call["user"].Should().Be("UVA00001");
        slack.CallsTo("chat.postMessage").Should().BeEmpty();
    }

    [Fact]
    public async Task DirectMessageOpensTheConversationOnceAndRemembersIt()
    {
        var to = ChatAddress.Direct("slack", "T0CHECKIN", "UVA00001");

        await Gateway.PostAsync(new OutboundMessage(to, Proposal), default);
        await Gateway.PostAsync(new OutboundMessage(to, Proposal), default);

        slack.CallsTo("conversations.open").Should().ContainSingle().Which["users"].Should().Be("UVA00001");
        slack.CallsTo("chat.postMessage").Should().HaveCount(2).And.OnlyContain(c => c["channel"] == "DUVA00001");
    }

    [Fact]
    public async Task InAChannelWithoutTheBotTheAnswerGoesToTheCommandsResponseUrlWithAnInvitationHint()
    {
        var command = new Dictionary<string, string>
        {
            ["team_id"] = "T0CHECKIN", ["channel_id"] = "C0NOTJOINED", ["user_id"] = "UVA00001", ["text"] = "help",
            ["response_url"] = slack.ResponseUrl, ["trigger_id"] = "t-1",
        };
        await app.Services.GetRequiredService<SlackInbound>().HandleCommandAsync(command, default);
        slack.FailNext("chat.postMessage", "not_in_channel");

        var receipt = await Gateway.PostAsync(new OutboundMessage(ChatAddress.Conversation("slack", "T0CHECKIN", "C0NOTJOINED"), Proposal), default);

        receipt.MessageId.Should().Be("response_url");
        var answer = slack.Responses.Should().ContainSingle().Subject;
        answer["response_type"]!.GetValue<string>().Should().Be("ephemeral");
        answer.ToJsonString().Should().Contain("Maria proposes").And.Contain("/invite @CheckinBot");
    }

    [Fact]
    public async Task WithoutAFreshResponseUrlNotInChannelStillFails()
    {
        slack.FailNext("chat.postMessage", "not_in_channel");

        var post = () => Gateway.PostAsync(new OutboundMessage(ChatAddress.Conversation("slack", "T0CHECKIN", "C0ELSEWHERE"), Proposal), default);

        (await post.Should().ThrowAsync<SlackApiException>()).Which.Error.Should().Be("not_in_channel");
        slack.Responses.Should().BeEmpty();
    }

    [Fact]
    public async Task OkFalseSurfacesSlacksErrorCode()
    {
        slack.FailNext("chat.postMessage", "not_in_channel");

        var post = () => Gateway.PostAsync(new OutboundMessage(ChatAddress.Conversation("slack", "T0CHECKIN", "C0SHARED"), Proposal), default);

        (await post.Should().ThrowAsync<SlackApiException>()).Which.Error.Should().Be("not_in_channel");
        slack.CallsTo("chat.postMessage").Should().ContainSingle("an ok:false post must not be sent again");
    }

    [Fact]
    public async Task RateLimitedPostWaitsForRetryAfterAndThenGoesThroughOnce()
    {
        slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 1);
        var clock = Stopwatch.StartNew();

        var receipt = await Gateway.PostAsync(new OutboundMessage(ChatAddress.Conversation("slack", "T0CHECKIN", "C0SHARED"), Proposal), default);

        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900));
        slack.CallsTo("chat.postMessage").Should().HaveCount(2);
        receipt.MessageId.Should().NotBeEmpty();
    }

    [Fact]
    public async Task UserInfoGivesZoneAndLocale()
    {
        slack.AddUser("UCLIENT01", "Pieter", "Europe/Brussels", "nl-BE");
        var api = app.Services.GetRequiredService<SlackWebApi>();

        var profile = await api.UserInfoAsync("T0CHECKIN", "UCLIENT01", default);

        profile.Should().Be(new SlackProfile("UCLIENT01", "Pieter", "Europe/Brussels", "nl-BE", false));
        slack.CallsTo("users.info").Single()["include_locale"].Should().Be("true");
    }

    [Fact]
    public async Task ReactionsUpdatesAndAuthTestUseTheWebApi()
    {
        var api = app.Services.GetRequiredService<SlackWebApi>();

        await api.AddReactionAsync("T0CHECKIN", "C0SHARED", "1767603600.000200", "eyes", default);
        await api.UpdateAsync("T0CHECKIN", "C0SHARED", "1767603500.000150", Slack.Delivery.BlockKit.Render(Proposal), default);
        var identity = await api.AuthTestAsync("xoxb-test-token", default);

        slack.CallsTo("reactions.add").Single()["name"].Should().Be("eyes");
        slack.CallsTo("chat.update").Single()["ts"].Should().Be("1767603500.000150");
        identity.Should().Be(new SlackIdentity("T0CHECKIN", "Checkin Example", "UBOT0001", "B0CHECKIN"));
    }
}
