using CheckinBot.Host.Tests.Telemetry;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace CheckinBot.Host.Tests.Allocations;

/// <summary>
/// The bytes a Slack command and a Teams message allocate in the host as it ships (SQLite, logging, metrics, every
/// middleware), from the request through the turn to the answer: every byte feeds the gen0 collections whose pauses make
/// the open loop's tail (issue 11). The peers bench sends them alike: <c>help</c> and <c>status</c>, people already known.
/// Counted over the whole process, so the tests run alone; ASP.NET Core's in-memory server stands in for Kestrel, and
/// its own plumbing (about 10.6 KB a request, Release) is counted too.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class ATurnInTheHostAllocatesWithinItsBudgetTests(ITestOutputHelper output)
{
    private const int People = 200;
    private const int Warm = 1000;
    private const int Measured = 4000;

    // Measured in Debug builds: 30.5-30.6 KB a command and 72.8-73.2 KB a message before session 13, 28.7 KB and 60.0 KB
    // after (SQLite connections without EF Core's functions, the message handler built only for messages). A command
    // 27.6 KB → 26.0 KB in session 24, when the Slack form's fields were decoded only when asked for and the metrics
    // bridge stopped copying a measurement's tags; its budget fails the build before that.
    private const long CommandBudget = 26 * 1024 + 512;
    private const long MessageBudget = 64 * 1024;

    [Fact]
    public async Task HelpAndStatusCommandsStayWithinTheirBudget()
    {
        await using var host = await HostInMemory.StartAsync(People);
        for (var i = 0; i < Warm; i++)
        {
            (await host.CommandAsync(i % People, Text(i), i)).Response.StatusCode.Should().Be(StatusCodes.Status200OK);
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = Warm; i < Warm + Measured; i++)
        {
            (await host.CommandAsync(i % People, Text(i), i)).Response.StatusCode.Should().Be(StatusCodes.Status200OK);
        }

        var perCommand = (GC.GetTotalAllocatedBytes(precise: true) - before) / Measured;
        output.WriteLine($"one /checkin help or status allocated {perCommand:N0} bytes in the host");
        host.Slack.Responses.Should().BeEmpty("every answer went inside its acknowledgement");
        perCommand.Should().BeLessThan(CommandBudget);
    }

    [Fact]
    public async Task HelpAndStatusMessagesStayWithinTheirBudget()
    {
        await using var host = await HostInMemory.StartAsync(People);
        for (var i = 0; i < Warm; i++)
        {
            await SendAsync(host, i);
        }

        var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = Warm; i < Warm + Measured; i++)
        {
            await SendAsync(host, i);
        }

        var perMessage = (GC.GetTotalAllocatedBytes(precise: true) - before) / Measured;
        // Counted by each collection's highest generation, as the host's /metrics counts them.
        var (all, gen1AndUp, gen2) = (GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2);
        var retained = (GC.GetTotalMemory(forceFullCollection: true) - retainedBefore) / Measured;
        output.WriteLine($"one Teams help or status allocated {perMessage:N0} bytes in the host and left {retained:N0} alive after a " +
            $"full collection; collections while measured: {all - gen1AndUp} gen0, {gen1AndUp - gen2} gen1, {gen2} gen2");
        host.Connector.Sends.Should().Be(Warm + Measured);
        perMessage.Should().BeLessThan(MessageBudget);
    }

    private static async Task SendAsync(HostInMemory host, int i)
    {
        (await host.MessageAsync(i % People, Text(i), i)).Response.StatusCode.Should().Be(StatusCodes.Status200OK);
        (await host.Connector.Answered.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue("every message is answered through the connector");
    }

    private static string Text(int i) => i % 2 == 0 ? "help" : "status";
}
