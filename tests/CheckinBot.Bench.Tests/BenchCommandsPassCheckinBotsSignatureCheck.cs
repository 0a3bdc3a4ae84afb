using System.Text;
using CheckinBot.Bench.Peers;
using CheckinBot.Slack.Receiving;
using Microsoft.AspNetCore.WebUtilities;

namespace CheckinBot.Bench.Tests;

public sealed class BenchCommandsPassCheckinBotsSignatureCheck
{
    private const string Secret = "bench-secret";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SignatureMatchesSlacksWorkedExample()
    {
        // The worked example in Slack's "Verifying requests from Slack".
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

        SignedCommand.Signature("8f742231b10e8888abcd99yyyzzz85a5", "1531420618", Encoding.UTF8.GetBytes(body))
            .Should().Be("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
    }

    [Fact]
    public async Task ACreatedCommandIsAcceptedByCheckinBotsVerifier()
    {
        using var request = Create("status");
        var body = await request.Content!.ReadAsByteArrayAsync();

        SlackSignature.IsValid(Secret, Header(request, "X-Slack-Request-Timestamp"), Header(request, "X-Slack-Signature"), body, Now)
            .Should().BeTrue();
    }

    [Fact]
    public async Task ACreatedCommandWithAnotherSecretIsRefused()
    {
        using var request = Create("help");
        var body = await request.Content!.ReadAsByteArrayAsync();

        SlackSignature.IsValid("another-secret", Header(request, "X-Slack-Request-Timestamp"), Header(request, "X-Slack-Signature"), body, Now)
            .Should().BeFalse();
    }

    [Fact]
    public async Task ACreatedCommandCarriesItsFieldsAsAForm()
    {
        using var request = Create("help me");
        var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync());

        form["command"].ToString().Should().Be("/checkin");
        form["text"].ToString().Should().Be("help me");
        form["channel_id"].ToString().Should().Be("C1");
        form["user_id"].ToString().Should().Be("U1");
        form["trigger_id"].ToString().Should().Be("s-1.bench");
        form["response_url"].ToString().Should().Be("http://127.0.0.1:9/respond/s-1");
        request.Content!.Headers.ContentType!.MediaType.Should().Be("application/x-www-form-urlencoded");
    }

    private static HttpRequestMessage Create(string text) =>
        SignedCommand.Create(new Uri("http://127.0.0.1:8/slack/commands"), Secret, Now.ToUnixTimeSeconds(), "T1", "C1", "U1", text, "s-1.bench",
            new Uri("http://127.0.0.1:9/respond/s-1"));

    private static string Header(HttpRequestMessage request, string name) => request.Headers.GetValues(name).Single();
}
