using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Slack.Delivery;
using CheckinBot.Slack.Receiving;
using CheckinBot.Slack.Tests.Support;
using CheckinBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Slack.Tests;

/// <summary>
/// A slash command's <c>response_url</c> comes from the request; only Slack's hooks host (and the configured API base's
/// host, where tests keep their fake) is ever posted to.
/// </summary>
public sealed class ResponseUrlsGoOnlyToSlackHostsTests : IAsyncLifetime
{
    private const string ApiBase = "http://127.0.0.1:5555/api/";

    private FakeSlack slack = null!;
    private FakeSlack elsewhere = null!;
    private SlackTestApp app = null!;

    private CapturedLogs Logs => app.Services.GetRequiredService<CapturedLogs>();

    private IChatGateway Gateway => app.Services.GetServices<IChatGateway>().Single(g => g.Platform == "slack");

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        elsewhere = await FakeSlack.StartAsync();
        app = await SlackTestApp.StartAsync(slack, recordTurns: false, services: s => s
            .AddSingleton(new CapturedLogs(LogLevel.Trace))
            .AddSingleton<ILoggerProvider>(p => p.GetRequiredService<CapturedLogs>()));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await elsewhere.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T0CHECKIN/1234/abcd")]
    [InlineData("https://HOOKS.slack.com/actions/T0CHECKIN/1234/abcd")]
    [InlineData("http://127.0.0.1:5555/commands/T0CHECKIN-1-hook")]
    public void SlacksHooksHostAndTheConfiguredApiHostAreAccepted(string url) =>
        SlackResponseUrlHosts.Allows(url, ApiBase).Should().BeTrue();

    [Theory]
    [InlineData("http://hooks.slack.com/commands/T0CHECKIN/1234/abcd")]
    [InlineData("https://hooks.slack.com.evil.example/commands/1")]
    [InlineData("https://evil.example/hooks.slack.com/commands/1")]
    [InlineData("https://user:secret@hooks.slack.com/commands/1")]
    [InlineData("https://hooks.slack.com:8443/commands/1")]
    [InlineData("http://127.0.0.1:5556/commands/1")]
    [InlineData("https://127.0.0.1:5555/commands/1")]
    [InlineData("http://localhost:5555/commands/1")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public void EveryOtherAddressIsRefused(string url) =>
        SlackResponseUrlHosts.Allows(url, ApiBase).Should().BeFalse();

    [Fact]
    public async Task ACommandsResponseUrlOnAnotherHostIsNeverKeptAndIsLoggedWithIdsOnly()
    {
        var command = new Dictionary<string, string>
        {
            ["team_id"] = "T0CHECKIN", ["channel_id"] = "C0NOTJOINED", ["user_id"] = "UVA00001", ["text"] = "help",
            ["response_url"] = elsewhere.ResponseUrl, ["trigger_id"] = "t-elsewhere",
        };

        var ack = await app.Services.GetRequiredService<SlackInbound>().HandleCommandAsync(command, default);

        ack.Status.Should().Be(200, "the command itself is answered as usual");
        app.Services.GetRequiredService<SlackResponseUrls>().Take("T0CHECKIN", "C0NOTJOINED", "UVA00001").Should().BeNull();
        var line = Logs.Entries.Should().ContainSingle(l => l.Message.Contains("response_url", StringComparison.Ordinal)).Subject;
        line.Level.Should().Be(LogLevel.Warning);
        line.Message.Should().Contain("UVA00001").And.Contain("T0CHECKIN").And.Contain("C0NOTJOINED");
        line.Message.Should().NotContain(elsewhere.ResponseUrl).And.NotContain("127.0.0.1");
        elsewhere.Responses.Should().BeEmpty();
    }

    [Fact]
    public async Task AnAnswerAddressedToAnotherHostIsRefusedBeforeAnythingIsSent()
    {
        var to = ChatAddress.Ephemeral("slack", "T0CHECKIN", "C0SHARED", "UVA00001") with { ReplyAddress = elsewhere.ResponseUrl };

        var post = () => Gateway.PostAsync(new OutboundMessage(to, BotMessage.Of(MessageKind.Reply, "Status: on track.")), default);

        (await post.Should().ThrowAsync<SlackApiException>()).Which.Error.Should().Be("host_not_allowed");
        elsewhere.Responses.Should().BeEmpty();
        slack.Responses.Should().BeEmpty();
    }

    [Fact]
    public async Task AnAnswerAddressedToTheConfiguredSlackHostGoesOut()
    {
        var to = ChatAddress.Ephemeral("slack", "T0CHECKIN", "C0SHARED", "UVA00001") with { ReplyAddress = slack.ResponseUrl };

        var receipt = await Gateway.PostAsync(new OutboundMessage(to, BotMessage.Of(MessageKind.Reply, "Status: on track.")), default);

        receipt.MessageId.Should().Be("response_url");
        slack.Responses.Should().ContainSingle().Which.ToJsonString().Should().Contain("on track");
    }
}
