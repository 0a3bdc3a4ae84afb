using System.Net;
using System.Text;
using CheckinBot.Slack.Tests.Support;

namespace CheckinBot.Slack.Tests;

/// <summary>Wrong signatures, stale timestamps, malformed or oversized bodies: a 4xx, and nothing changes.</summary>
public sealed class RefusedRequestTests : IAsyncLifetime
{
    private FakeSlack slack = null!;
    private SlackTestApp app = null!;

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        app = await SlackTestApp.StartAsync(slack, new Dictionary<string, string?> { ["Slack:MaxBodyBytes"] = "4096" });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await slack.DisposeAsync();
    }

    public static TheoryData<string, string> Paths => new()
    {
        { "/slack/commands", "command_setup.form" },
        { "/slack/events", "event_message.json" },
        { "/slack/interactions", "block_actions_accept.json" },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task WrongSecretIs401(string path, string fixture)
    {
        var request = SlackSigner.Request(path, Body(path, fixture), "application/x-www-form-urlencoded", Now, secret: "not-the-secret");

        await ExpectRefusedAsync(request, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task StaleTimestampIs401(string path, string fixture)
    {
        var request = SlackSigner.Request(path, Body(path, fixture), "application/x-www-form-urlencoded", Now.AddSeconds(-301));

        await ExpectRefusedAsync(request, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TimestampFromTheFarFutureIs401()
    {
        await ExpectRefusedAsync(SlackSigner.Event("event_message.json", Now.AddMinutes(6)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task MissingSignatureIs401()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(Fixture.Bytes("event_message.json")) };

        await ExpectRefusedAsync(request, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task BodyChangedAfterSigningIs401()
    {
        var request = SlackSigner.Event("event_message.json", Now);
        var tampered = Encoding.UTF8.GetBytes(Fixture.Text("event_message.json").Replace("UCLIENT01", "UVA00001", StringComparison.Ordinal));
        var headers = request.Content!.Headers.ContentType;
        request.Content = new ByteArrayContent(tampered);
        request.Content.Headers.ContentType = headers;

        await ExpectRefusedAsync(request, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task MalformedJsonIs400()
    {
        var request = SlackSigner.Request("/slack/events", Encoding.UTF8.GetBytes("{\"type\":\"event_callback\","), "application/json", Now);

        await ExpectRefusedAsync(request, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task InteractionWithoutPayloadIs400()
    {
        var request = SlackSigner.Request("/slack/interactions", Encoding.UTF8.GetBytes("nothing=here"), "application/x-www-form-urlencoded", Now);

        await ExpectRefusedAsync(request, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CommandWithoutAUserIs400()
    {
        await ExpectRefusedAsync(SlackSigner.Command("command_missing_user.form", Now), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OversizedBodyIs413()
    {
        var huge = Encoding.UTF8.GetBytes("{\"type\":\"event_callback\",\"pad\":\"" + new string('x', 8192) + "\"}");

        await ExpectRefusedAsync(SlackSigner.Request("/slack/events", huge, "application/json", Now), HttpStatusCode.RequestEntityTooLarge);
    }

    private static byte[] Body(string path, string fixture) =>
        path == "/slack/interactions" ? Fixture.InteractionForm(fixture) : Fixture.Bytes(fixture);

    private async Task ExpectRefusedAsync(HttpRequestMessage request, HttpStatusCode expected)
    {
        using (request)
        using (var response = await app.Client.SendAsync(request))
        {
            response.StatusCode.Should().Be(expected);
        }

        // A valid event afterwards is the marker that the refused one would have been handled by now.
        using var marker = await app.Client.SendAsync(SlackSigner.Event("event_message_im.json", Now));
        await Eventually.HoldsAsync(() => app.Drain!.Turns.Count == 1);
        app.Drain!.Turns.Single().EventId.Should().Be("Ev0MSG0002");
        await Eventually.HoldsAsync(() => !app.Collaborations.People.IsEmpty);
        app.Collaborations.People.Keys.Should().Equal([("slack", "T0CHECKIN", "UCLIENT01")], "only the marker's sender became known");
        slack.Calls.Select(c => c.Method).Should().OnlyContain(m => m == "users.info");
        slack.Calls.Should().OnlyContain(c => c["user"] == "UCLIENT01");
    }
}
