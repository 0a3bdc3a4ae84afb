using CheckinBot.Host.Telemetry;
using CheckinBot.Host.Tests.Slack;
using Microsoft.AspNetCore.Builder;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>What the platforms do to the bot, measured: their 429s and how fast the bot acknowledges them.</summary>
[Collection(MeasuredAlone.Name)]
public sealed class PlatformMetricsTests : IAsyncLifetime
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "checkinbot-otel-" + Guid.NewGuid().ToString("N"));
    private Measurements Measured { get; } = new();
    private FakeSlackApi slack = null!;
    private WebApplication host = null!;
    private HttpClient Client { get; set; } = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        host = BotApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--DataFolder={dataFolder}",
            "--Scheduling:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
            .. SignedSlack.Settings(slack.BaseUrl),
        ]);
        await host.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(host.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        Measured.Dispose();
        Client.Dispose();
        await host.StopAsync();
        await host.DisposeAsync();
        await slack.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
    }

    [Fact]
    public async Task EachSlack429IsCountedForSlackAndTheCallStillGoesThrough()
    {
        slack.Throttle(2);

        using var response = await Client.SendAsync(SignedSlack.Command("UVA00001", "setup <@UCLIENT01|pieter>", "throttled"));
        response.EnsureSuccessStatusCode();
        await SignedSlack.EventuallyAsync(() => slack.Posts(SignedSlack.Channel).Any(), "the channel notice after the 429s");

        Measured.Sum(PlatformMetrics.ThrottledName, "platform", "slack").Should().Be(2);
        Measured.Sum(PlatformMetrics.ThrottledName, "platform", "teams").Should().Be(0);
    }

    [Fact]
    public async Task EverySlackRequestHasItsAcknowledgementTimed()
    {
        using var command = await Client.SendAsync(SignedSlack.Command("UVA00001", "help", "timed"));
        command.EnsureSuccessStatusCode();
        using var other = await Client.GetAsync("/healthz");
        await SignedSlack.EventuallyAsync(() => Measured.Of(PlatformMetrics.AckDurationName).Count > 0, "the acknowledgement's time recorded");

        var acks = Measured.Of(PlatformMetrics.AckDurationName, "platform", "slack");
        acks.Should().ContainSingle("one Slack request was acknowledged; /healthz is no platform's")
            .Which.Should().BeGreaterThan(0).And.BeLessThan(3, "Slack waits three seconds for an acknowledgement");
        Measured.Of(PlatformMetrics.AckDurationName, "endpoint", "commands").Should().HaveCount(1);
    }
}
