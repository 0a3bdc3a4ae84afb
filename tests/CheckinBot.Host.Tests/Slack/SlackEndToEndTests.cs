using CheckinBot.Testing;
using Microsoft.AspNetCore.Builder;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CheckinBot.Slack.Receiving;
using NodaTime;

namespace CheckinBot.Host.Tests.Slack;

/// <summary>
/// The real host (SQLite in a temporary folder, time travel on) driven with signed Slack requests, its Web API pointed
/// at a fake Slack on loopback.
/// </summary>
public sealed class SlackEndToEndTests : IAsyncLifetime, IDisposable
{
    private const string Secret = "e2e-signing-secret";
    private const string Team = "T0CHECKIN";
    private const string Channel = "C0SHARED";

    private readonly ScratchFolder dataFolder = new("slack-e2e");
    private FakeSlack slack = null!;
    private WebApplication host = null!;
    private HttpClient Client { get; set; } = null!;

    public async Task InitializeAsync()
    {
        slack = await EndToEndSlack.StartAsync();
        host = BotApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--DataFolder={dataFolder}",
            "--Clock:TimeTravel=true",
            "--Playground:Enabled=true", // the test reads the bot's clock from the playground's config; outside Development it is off by default
            "--Scheduling:Enabled=false",
            $"--Slack:SigningSecret={Secret}",
            $"--Slack:BotToken={EndToEndSlack.BotToken}",
            $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}",
            "--Slack:ChannelPostInterval=00:00:00.050",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await host.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(host.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await host.StopAsync();
        await host.DisposeAsync();
        await slack.DisposeAsync();
    }

    public void Dispose() => dataFolder.Dispose();

    [Fact]
    public async Task SetupProposeAndAcceptThenTheUpdateIsPostedToTheChannelAtTheAgreedTimeWithItsOccurrenceMetadata()
    {
        await CommandAsync("UVA00001", "maria", "setup <@UCLIENT01|pieter>", "t1");
        await WaitForPostsAsync(1);
        await CommandAsync("UVA00001", "maria", "propose update weekdays 17:00", "t2");
        await WaitForPostsAsync(2);
        Posts().Last()["blocks"]!.AsArray().Should().Contain(b => b!["type"]!.GetValue<string>() == "actions");
        await CommandAsync("UCLIENT01", "pieter", "accept", "t3");
        await WaitForPostsAsync(3);

        var due = await NextWeekday1700BrusselsAsync();
        var now = await BotNowAsync();
        var minutes = (int)Math.Ceiling((due - now).TotalMinutes) + 1;
        using var advance = await Client.PostAsJsonAsync("/playground/api/clock", new { advance = $"PT{minutes}M" });
        advance.StatusCode.Should().Be(HttpStatusCode.OK);

        await WaitForPostsAsync(4);
        var update = Posts().Last();
        update["metadata"]!["event_type"]!.GetValue<string>().Should().Be("checkin_occurrence");
        var key = update["metadata"]!["event_payload"]!["occurrence_key"]!.GetValue<string>();
        key.Should().EndWith("@" + due.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), "the update is the occurrence at 17:00 in the client's zone");
        slack.CallsTo("chat.postMessage").Should().NotContain(c => c["channel"] != Channel && !c["channel"]!.StartsWith('D'));
    }

    [Fact]
    public async Task AHelpCommandIsAnsweredInsideItsAcknowledgementWhileSlackHoldsEveryCall()
    {
        // Once the bot knows Maria's profile, her commands need nothing from Slack: while Slack holds every Web API
        // call, only an answer inside the acknowledgement can come.
        (await CommandAsync("UVA00001", "maria", "help", "t8")).Should().Contain("ephemeral");
        slack.Hold();
        using var response = await SendAsync("/slack/commands", CommandForm("UVA00001", "maria", "help", "t9"), "application/x-www-form-urlencoded")
            .WaitAsync(TimeSpan.FromSeconds(30));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        answer["response_type"]!.GetValue<string>().Should().Be("ephemeral");
        answer.ToJsonString().Should().Contain("propose update weekdays 17:00");
        slack.Release();
    }

    [Fact]
    public async Task ABadSignatureIs401AndChangesNothing()
    {
        using var request = Signed("/slack/commands", CommandForm("UVA00001", "maria", "setup <@UCLIENT01|pieter>", "bad"), "application/x-www-form-urlencoded", "wrong-secret");
        using var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await CommandAsync("UVA00001", "maria", "status", "marker")).Should().Contain("ephemeral");
        Posts().Should().BeEmpty("the refused setup made no collaboration");
    }

    [Fact]
    public async Task TheSameCommandDeliveredTwiceHasOneEffect()
    {
        var body = CommandForm("UVA00001", "maria", "setup <@UCLIENT01|pieter>", "retried");
        string again;
        using (var first = await SendAsync("/slack/commands", body, "application/x-www-form-urlencoded"))
        using (var second = await SendAsync("/slack/commands", body, "application/x-www-form-urlencoded"))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
            second.StatusCode.Should().Be(HttpStatusCode.OK);
            again = await second.Content.ReadAsStringAsync();
        }

        await WaitForPostsAsync(1);
        (await CommandAsync("UVA00001", "maria", "help", "marker")).Should().Contain("ephemeral");
        Posts().Should().HaveCount(1);
        again.Should().NotContain("already", "a second setup would have answered 'already set up'");
    }

    /// <summary>Sends a signed command and returns its acknowledgement's body (the answer, when it came in time).</summary>
    private async Task<string> CommandAsync(string user, string name, string text, string trigger)
    {
        using var response = await SendAsync("/slack/commands", CommandForm(user, name, text, trigger), "application/x-www-form-urlencoded");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private static byte[] CommandForm(string user, string name, string text, string trigger) => Encoding.UTF8.GetBytes(string.Join('&',
        $"token=legacy&team_id={Team}&team_domain=checkin-example&channel_id={Channel}&channel_name=maria-pieter",
        $"user_id={user}&user_name={name}&command=%2Fcheckin&text={Uri.EscapeDataString(text)}",
        $"api_app_id=A0CHECKIN&is_enterprise_install=false&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1&trigger_id=1111.2222.{trigger}"));

    private Task<HttpResponseMessage> SendAsync(string path, byte[] body, string contentType) =>
        Client.SendAsync(Signed(path, body, contentType, Secret));

    private static HttpRequestMessage Signed(string path, byte[] body, string contentType, string secret)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Compute(secret, timestamp, body));
        return request;
    }

    /// <summary>What the bot posted to the shared channel, as it sent it.</summary>
    private IEnumerable<JsonObject> Posts() => slack.CallsTo("chat.postMessage").Where(c => c["channel"] == Channel).Select(c => c.Json!);

    private async Task WaitForPostsAsync(int count) =>
        await Eventually(() => Posts().Count() >= count, $"{count} posts in the channel");

    private async Task<DateTimeOffset> BotNowAsync()
    {
        using var config = await Client.GetFromJsonAsync<JsonDocument>("/playground/api/config");
        return DateTimeOffset.Parse(config!.RootElement.GetProperty("now").GetString()!, CultureInfo.InvariantCulture);
    }

    /// <summary>The next weekday 17:00 in Brussels after the bot's now.</summary>
    private async Task<DateTimeOffset> NextWeekday1700BrusselsAsync()
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Brussels"];
        var now = Instant.FromDateTimeOffset(await BotNowAsync());
        var day = now.InZone(zone).Date;
        while (true)
        {
            var candidate = zone.AtLeniently(day.At(new LocalTime(17, 0))).ToInstant();
            if (candidate > now && day.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            {
                return candidate.ToDateTimeOffset();
            }

            day = day.PlusDays(1);
        }
    }

    private static async Task Eventually(Func<bool> condition, string what = "the condition")
    {
        var until = Environment.TickCount64 + 15_000;
        while (!condition())
        {
            if (Environment.TickCount64 > until)
            {
                condition().Should().BeTrue($"{what} should hold within 15 s");
                return;
            }

            await Task.Delay(25);
        }
    }
}
