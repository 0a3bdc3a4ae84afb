using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Slack.Receiving;
using CheckinBot.Slack.Tests.Support;
using CheckinBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Slack.Tests;

/// <summary>
/// In a channel the bot is not in, answers go out through a command's <c>response_url</c>. A reply meant for one
/// person (an export, for example) never leaves through another person's.
/// </summary>
public sealed class PrivateReplyTests : IAsyncLifetime
{
    private const string Team = "T0CHECKIN";
    private const string Channel = "C0NOTJOINED";
    private const string Ina = "UVA00001";
    private const string Tom = "UCLIENT01";

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

    private Task<SlackAck> CommandAsync(string user, string hook, string trigger) =>
        app.Services.GetRequiredService<SlackInbound>().HandleCommandAsync(new Dictionary<string, string>
        {
            ["team_id"] = Team, ["channel_id"] = Channel, ["user_id"] = user, ["text"] = "export",
            ["response_url"] = slack.ResponseUrlFor(hook), ["trigger_id"] = trigger,
        }, default);

    private Task<PostReceipt> PostPrivatelyAsync(string person, string text)
    {
        slack.FailNext("chat.postEphemeral", "not_in_channel");
        return Gateway.PostAsync(new OutboundMessage(ChatAddress.Ephemeral("slack", Team, Channel, person), BotMessage.Of(MessageKind.Reply, text)), default);
    }

    [Fact]
    public async Task A_private_reply_for_A_cannot_leave_through_Bs_later_command()
    {
        await CommandAsync(Ina, "ina-hook", "t-1");
        await CommandAsync(Tom, "tom-hook", "t-2");

        await PostPrivatelyAsync(Ina, "Export for Ina");

        slack.ResponseHooks.Should().Equal("ina-hook");
        slack.Responses.Single().ToJsonString().Should().Contain("Export for Ina");
    }

    [Fact]
    public async Task Without_a_command_of_her_own_the_private_reply_for_A_is_not_sent_at_all()
    {
        await CommandAsync(Tom, "tom-hook", "t-2");

        var post = () => PostPrivatelyAsync(Ina, "Export for Ina");

        (await post.Should().ThrowAsync<SlackApiException>()).Which.Error.Should().Be("not_in_channel");
        slack.Responses.Should().BeEmpty("Tom's response_url must never carry what is meant for Ina");
    }

    [Fact]
    public async Task A_message_for_the_whole_channel_goes_through_the_latest_command()
    {
        await CommandAsync(Ina, "ina-hook", "t-1");
        await CommandAsync(Tom, "tom-hook", "t-2");
        slack.FailNext("chat.postMessage", "not_in_channel");

        await Gateway.PostAsync(new OutboundMessage(ChatAddress.Conversation("slack", Team, Channel), BotMessage.Of(MessageKind.Notice, "Proposal #1")), default);

        slack.ResponseHooks.Should().Equal("tom-hook");
    }
}
