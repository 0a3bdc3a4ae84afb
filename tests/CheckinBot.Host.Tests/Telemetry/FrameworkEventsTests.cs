using System.Diagnostics.Tracing;
using CheckinBot.Host.Tests.Infrastructure;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> shows the framework's event counters, and reading them must not turn on the framework's events: at the
/// informational level, hosting and Kestrel write a start and a stop event for every request, with new strings for its
/// path and ids, which no one reads.
/// </summary>
public sealed class FrameworkEventsTests
{
    [Fact]
    public async Task The_framework_event_sources_are_read_for_their_counters_and_write_no_event_per_request()
    {
        await using var bot = await BotServer.StartAsync(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        (await bot.Client.GetStringAsync("/metrics")).Should().Contain("http_requests_received_total");

        var hosting = EventSource.GetSources().Single(source => source.Name == "Microsoft.AspNetCore.Hosting");
        hosting.IsEnabled().Should().BeTrue("prometheus-net listens to its counters");
        hosting.IsEnabled(EventLevel.Informational, EventKeywords.None).Should().BeFalse("a request's start and stop events are not wanted");
    }
}
