using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CheckinBot.Slack.Tests.Support;

namespace CheckinBot.Slack.Tests;

[Collection(nameof(SlowStatusHandler))]
public sealed class SlashCommandAnswersInTheAcknowledgementTests : IAsyncLifetime
{
    private FakeSlack slack = null!;
    private SlackTestApp app = null!;

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public async Task InitializeAsync()
    {
        SlowStatusHandler.Gate = Task.CompletedTask;
        slack = await FakeSlack.StartAsync();
        slack.AddUser("UVA00001", "Maria", "Asia/Manila", "en-US");
        // The budget is the shipped one (2 s of Slack's 3): a first command in a cold process on a busy CI machine
        // took longer than a tighter test budget, which proved nothing about the bot.
        app = await SlackTestApp.StartAsync(slack, new Dictionary<string, string?>
        {
            ["Slack:ChannelPostInterval"] = "00:00:01",
        });
    }

    public async Task DisposeAsync()
    {
        SlowStatusHandler.Gate = Task.CompletedTask;
        await app.DisposeAsync();
        await slack.DisposeAsync();
    }

    private HttpRequestMessage Command(string text, string trigger) =>
        SlackSigner.Request("/slack/commands", Encoding.UTF8.GetBytes(
            "team_id=T0CHECKIN&channel_id=C0SHARED&channel_name=maria-pieter&user_id=UVA00001&user_name=maria&command=%2Fcheckin" +
            $"&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(slack.ResponseUrl)}&trigger_id={trigger}"),
            "application/x-www-form-urlencoded", Now);

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await app.Client.SendAsync(request))
        {
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task HelpIsAnsweredInTheAcknowledgementOnlyForTheSender()
    {
        var (status, body) = await SendAsync(Command("help", "t-help"));

        status.Should().Be(HttpStatusCode.OK);
        var answer = JsonNode.Parse(body)!.AsObject();
        answer["response_type"]!.GetValue<string>().Should().Be("ephemeral");
        answer.ToJsonString().Should().Contain("propose update weekdays 17:00");
        slack.Calls.Should().NotContain(c => c.Method.StartsWith("chat.", StringComparison.Ordinal), "the answer went inside the acknowledgement");
        slack.Responses.Should().BeEmpty();
    }

    [Fact]
    public async Task StatusIsAnsweredInTheAcknowledgement()
    {
        var (status, body) = await SendAsync(Command("status", "t-status"));

        status.Should().Be(HttpStatusCode.OK);
        body.Should().Contain("Maria is working on the newsletter");
    }

    [Fact]
    public async Task AUsageErrorIsAnsweredInTheAcknowledgement()
    {
        var (_, body) = await SendAsync(Command("fly to the moon", "t-usage"));

        JsonNode.Parse(body)!["response_type"]!.GetValue<string>().Should().Be("ephemeral");
        body.Should().Contain("fly");
    }

    [Fact]
    public async Task AnAnswerSlowerThanTheBudgetIsAcknowledgedEmptyAndFollowsThroughTheResponseUrl()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        SlowStatusHandler.Gate = held.Task;

        var (status, body) = await SendAsync(Command("status", "t-slow"));

        status.Should().Be(HttpStatusCode.OK, "the acknowledgement came while the handler was still held: it does not wait past its budget");
        body.Should().BeEmpty();
        slack.Responses.Should().BeEmpty();
        held.SetResult();
        await Eventually.HoldsAsync(() => slack.Responses.Count == 1);
        var late = slack.Responses.Single();
        late["response_type"]!.GetValue<string>().Should().Be("ephemeral");
        late.ToJsonString().Should().Contain("Maria is working on the newsletter");
    }

    [Fact]
    public async Task ManyCommandsInOneChannelAreAllAnsweredInTheirAcknowledgementsWithoutPacing()
    {
        await SendAsync(Command("help", "t-warm"));
        await Eventually.HoldsAsync(() => !app.Collaborations.People.IsEmpty);
        var clock = Stopwatch.StartNew();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SendAsync(Command("help", $"t-many-{i}"))));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "one a second per channel (19 s for 20) is for chat.postMessage only");
        answers.Should().OnlyContain(a => a.Status == HttpStatusCode.OK && a.Body.Contains("ephemeral", StringComparison.Ordinal));
    }
}
