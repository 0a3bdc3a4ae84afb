using CheckinBot.Host.Telemetry;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>What the platforms do to the bot, measured: their 429s and how fast the bot acknowledges them.</summary>
[Collection(MeasuredAlone.Name)]
public sealed class PlatformMetricsTests : IAsyncLifetime
{
    private Measurements Measured { get; } = new();
    private SlackBot bot = null!;

    public async Task InitializeAsync() => bot = await SlackBot.StartAsync();

    public async Task DisposeAsync()
    {
        Measured.Dispose();
        await bot.DisposeAsync();
    }

    [Fact]
    public async Task EachSlack429IsCountedForSlackAndTheCallStillGoesThrough()
    {
        bot.Slack.RateLimitNextCalls(2);

        using var response = await bot.Client.SendAsync(SignedSlack.Command("UVA00001", "setup <@UCLIENT01|pieter>", "throttled"));
        response.EnsureSuccessStatusCode();
        await SignedSlack.EventuallyAsync(() => bot.Slack.PostsIn(SignedSlack.Channel).Any(), "the channel notice after the 429s");

        Measured.Sum(PlatformMetrics.ThrottledName, "platform", "slack").Should().Be(2);
        Measured.Sum(PlatformMetrics.ThrottledName, "platform", "teams").Should().Be(0);
    }

    [Fact]
    public async Task EverySlackRequestHasItsAcknowledgementTimed()
    {
        using var command = await bot.Client.SendAsync(SignedSlack.Command("UVA00001", "help", "timed"));
        command.EnsureSuccessStatusCode();
        using var other = await bot.Client.GetAsync("/healthz");
        await SignedSlack.EventuallyAsync(() => Measured.Of(PlatformMetrics.AckDurationName).Count > 0, "the acknowledgement's time recorded");

        var acks = Measured.Of(PlatformMetrics.AckDurationName, "platform", "slack");
        acks.Should().ContainSingle("one Slack request was acknowledged; /healthz is no platform's")
            .Which.Should().BeGreaterThan(0).And.BeLessThan(3, "Slack waits three seconds for an acknowledgement");
        Measured.Of(PlatformMetrics.AckDurationName, "endpoint", "commands").Should().HaveCount(1);
    }
}
