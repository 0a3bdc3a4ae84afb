using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CheckinBot.Slack.Receiving;
using CheckinBot.Slack.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace CheckinBot.Slack.Tests;

/// <summary>Run alone: the process's allocated bytes are counted, and other tests' work would count too.</summary>
[CollectionDefinition(nameof(ACommandAllocatesWithinItsBudgetTests), DisableParallelization = true)]
public sealed class AllocationBudget;

/// <summary>
/// The bytes one <c>/checkin help</c> allocates on its way from the signed request through <see cref="SlackInbound"/>,
/// the core's pipeline and back into the written acknowledgement. Every byte feeds the gen0 collections that made the
/// open loop's tail (issue 11): the answer is written straight from the message into the response, and the form's fields
/// are read from its bytes, each decoded only when asked for (<see cref="FormFields"/>).
/// </summary>
[Collection(nameof(ACommandAllocatesWithinItsBudgetTests))]
public sealed class ACommandAllocatesWithinItsBudgetTests(ITestOutputHelper output)
{
    // Measured at about 27 KB a command before the answer was written straight into the response and the form parsed
    // from its bytes, about 14.6 KB after (a Debug build, in-memory stores; the host's Release build allocates less).
    // ASP.NET Core's FormPipeReader in place of the hand-written parser: 16.2 KB, within the budget, so it stayed. Session
    // 24: the fields read where they lie, as FormPipeReader reads them (checked against it), cut the host's open loop from
    // 12.2 to 10.0 KB a command; then the signature computed in one call on the stack, 12.4 → 12.1 KB here.
    private const long Budget = 13 * 1024 + 512;

    private const int Warm = 200;
    private const int Measured = 1000;

    [Fact]
    public async Task HelpThroughTheEndpointStaysWithinItsAllocationBudget()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.AddUser("UVA00001", "Maria", "Asia/Manila", "en-US");
        // A budget no busy machine exceeds: every answer goes inside its acknowledgement, as on a quiet one.
        await using var app = await SlackTestApp.StartAsync(slack, new Dictionary<string, string?> { ["Slack:AckBudget"] = "00:00:30" });
        var inbound = app.Services.GetRequiredService<SlackInbound>();
        var options = app.Services.GetRequiredService<IOptions<SlackOptions>>();
        var clocks = app.Services.GetRequiredService<SlackClocks>();
        var logs = app.Services.GetRequiredService<ILoggerFactory>();
        var requests = Enumerable.Range(0, Warm + Measured).Select(i => Request(app.Services, slack.ResponseUrl, i)).ToArray();

        async Task SendAsync(HttpContext http) =>
            await (await SlackHttpEndpoints.CommandsAsync(http, inbound, options, clocks, logs)).ExecuteAsync(http);

        foreach (var http in requests.Take(Warm))
        {
            await SendAsync(http);
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        foreach (var http in requests.Skip(Warm))
        {
            await SendAsync(http);
        }

        var perCommand = (GC.GetTotalAllocatedBytes(precise: true) - before) / Measured;
        output.WriteLine($"one /checkin help allocated {perCommand:N0} bytes");

        var last = requests[^1].Response;
        last.StatusCode.Should().Be(StatusCodes.Status200OK);
        var answer = JsonNode.Parse(((MemoryStream)last.Body).ToArray())!;
        answer["response_type"]!.GetValue<string>().Should().Be("ephemeral", "the answer went inside the acknowledgement");
        slack.Responses.Should().BeEmpty("every answer was in time for its acknowledgement");
        perCommand.Should().BeLessThan(Budget, "one /checkin help allocated {0:N0} bytes", perCommand);
    }

    private static DefaultHttpContext Request(IServiceProvider services, string responseUrl, int number)
    {
        var body = Encoding.UTF8.GetBytes(
            "token=legacy&team_id=T0CHECKIN&team_domain=checkin-example&channel_id=C0SHARED&channel_name=maria-pieter" +
            "&user_id=UVA00001&user_name=maria&command=%2Fcheckin&text=help&api_app_id=A0CHECKIN&is_enterprise_install=false" +
            $"&response_url={Uri.EscapeDataString(responseUrl)}&trigger_id=1111.2222.{number}");
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Method = HttpMethods.Post;
        http.Request.Path = "/slack/commands";
        http.Request.ContentType = "application/x-www-form-urlencoded";
        http.Request.ContentLength = body.Length;
        http.Request.Body = new MemoryStream(body);
        http.Request.Headers["X-Slack-Request-Timestamp"] = timestamp;
        http.Request.Headers["X-Slack-Signature"] = SlackSignature.Compute(SlackSigner.Secret, timestamp, body);
        http.Response.Body = new MemoryStream();
        return http;
    }
}
