using CheckinBot.Core.Telemetry;
using CheckinBot.Host.Telemetry;
using CheckinBot.Host.Tests.Infrastructure;
using CheckinBot.Host.Tests.Slack;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>The host exporting to a real OTLP/HTTP receiver on loopback when an endpoint is configured.</summary>
public class OtlpExportTests
{
    private const string Protobuf = "application/x-protobuf";
    private static readonly DateTimeOffset FridayMorning = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WithAnEndpointTheTurnAndDeliverySpansAndTheBotsMetricsArriveAsOtlpProtobuf()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var slack = await EndToEndSlack.StartAsync();
        await using (var bot = await BotServer.StartAsync(FridayMorning, null,
            [$"--OpenTelemetry:Endpoint={receiver.BaseUrl}", "--Scheduling:Enabled=false", .. SignedSlack.Settings(slack.ApiBaseUrl)]))
        {
            slack.RateLimitNextCalls(1);
            using var command = await bot.Client.SendAsync(SignedSlack.Command("UVA00001", "setup <@UCLIENT01|pieter>", "otlp"));
            command.EnsureSuccessStatusCode();
            await SignedSlack.EventuallyAsync(() => slack.PostsIn(SignedSlack.Channel).Any(), "the Slack channel notice");
            await bot.SayAsync("va", "/checkin propose update weekdays 17:00");
            await bot.SayAsync("client", "/checkin accept");
            await bot.AdvanceAsync("PT7H");
        }

        // Stopping the host flushed both exporters.
        receiver.Exports.Select(e => e.Signal).Should().Contain(["traces", "metrics"]);
        receiver.Exports.Should().OnlyContain(e => e.ContentType == Protobuf);
        foreach (var span in new[] { TurnTelemetry.TurnSpan, TurnTelemetry.DispatchSpan, TurnTelemetry.HandleSpan, DeliveryTelemetry.CycleSpan, DeliveryTelemetry.PostSpan, "POST" })
        {
            receiver.Received("traces", span).Should().BeTrue($"the span {span} is exported");
        }

        foreach (var metric in new[] { DeliveryTelemetry.DueName, DeliveryTelemetry.DeliveredName, DeliveryTelemetry.LatenessName, PlatformMetrics.ThrottledName, PlatformMetrics.AckDurationName })
        {
            receiver.Received("metrics", metric).Should().BeTrue($"the metric {metric} is exported");
        }

        receiver.Received("traces", "xoxb-e2e-token").Should().BeFalse("no token leaves in a span");
    }

    [Fact]
    public async Task TheStandardOtelExporterVariablesTurnExportOnAsWell()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using (var bot = await BotServer.StartAsync(FridayMorning, null,
            $"--OTEL_EXPORTER_OTLP_ENDPOINT={receiver.BaseUrl}", "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf"))
        {
            await bot.SayAsync("va", "/checkin help");
        }

        receiver.Exports.Should().Contain(e => e.Signal == "traces" && e.ContentType == Protobuf);
        receiver.Received("traces", TurnTelemetry.TurnSpan).Should().BeTrue();
    }
}
