using System.Net.Http.Json;
using CheckinBot.Core.Telemetry;
using CheckinBot.Host.Telemetry;
using CheckinBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>One delivery, traced with the host's own tracing set-up into an in-memory exporter.</summary>
public class DeliveryTraceTests
{
    /// <summary>Friday 27 November 2026, 11:00 in Brussels.</summary>
    private static readonly DateTimeOffset FridayMorning = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ADeliveryCycleIsASpanWithAChildPerPostedOccurrenceTaggedWithIdsOnly()
    {
        var spans = new SpanCollection();
        await using var bot = await BotServer.StartWithServicesAsync(FridayMorning,
            services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddCheckinBotTracing().AddInMemoryExporter(spans)),
            dataFolder: null,
            "--Scheduling:Enabled=false"); // only the clock's own cycles, all in the test's trace

        await bot.SayAsync("va", "/checkin propose update weekdays 17:00");
        await bot.SayAsync("client", "/checkin accept");
        await bot.SayAsync("va", "/checkin draft Invoices sent, the quarterly report is half done.");
        using var trace = new TestTrace();

        using var advance = await bot.Client.PostAsJsonAsync("/playground/api/clock", new { advance = "PT7H" });
        advance.EnsureSuccessStatusCode();

        var all = spans.Of(trace.TraceId);
        var post = all.Should().ContainSingle(s => s.OperationName == DeliveryTelemetry.PostSpan, "one update fell due in those seven hours").Which;
        var cycle = all.Single(s => s.SpanId == post.ParentSpanId);
        cycle.OperationName.Should().Be(DeliveryTelemetry.CycleSpan);
        cycle.GetTagItem("checkinbot.posted").Should().Be(1);
        all.Where(s => s.OperationName == DeliveryTelemetry.CycleSpan).Should().HaveCountGreaterThan(1, "time travel runs a cycle at every stop on the way");

        post.GetTagItem("checkinbot.outcome").Should().Be("Posted");
        post.GetTagItem("checkinbot.due").Should().Be("2026-11-27T16:00:00Z");
        Guid.TryParse(post.GetTagItem("checkinbot.occurrence_id") as string, out _).Should().BeTrue();
        Guid.TryParse(post.GetTagItem("checkinbot.rhythm_id") as string, out _).Should().BeTrue();
        Guid.TryParse(post.GetTagItem("checkinbot.collaboration_id") as string, out _).Should().BeTrue();
        post.GetTagItem("checkinbot.message_id").Should().NotBeNull();

        var transcript = await bot.TranscriptAsync();
        transcript.Should().Contain(m => m.Kind == "update" && m.Text.Contains("quarterly report"), "the update itself went out");
        all.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString() ?? "")
            .Should().NotContain(v => v.Contains("quarterly", StringComparison.Ordinal), "spans carry ids, never message texts");
    }
}
