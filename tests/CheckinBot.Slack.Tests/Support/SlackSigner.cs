using System.Globalization;
using System.Net.Http.Headers;
using CheckinBot.Slack.Receiving;

namespace CheckinBot.Slack.Tests.Support;

/// <summary>Builds requests signed the way Slack signs them, with a known secret.</summary>
public static class SlackSigner
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";

    public static HttpRequestMessage Request(string path, byte[] body, string contentType, DateTimeOffset sentAt, string secret = Secret)
    {
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Compute(secret, timestamp, body));
        return request;
    }

    public static HttpRequestMessage Command(string fixture, DateTimeOffset now) =>
        Request("/slack/commands", Fixture.Bytes(fixture), "application/x-www-form-urlencoded", now);

    public static HttpRequestMessage Event(string fixture, DateTimeOffset now, int? retry = null)
    {
        var request = Request("/slack/events", Fixture.Bytes(fixture), "application/json", now);
        if (retry is { } number)
        {
            request.Headers.Add("X-Slack-Retry-Num", number.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }

    public static HttpRequestMessage Interaction(string fixture, DateTimeOffset now) =>
        Request("/slack/interactions", Fixture.InteractionForm(fixture), "application/x-www-form-urlencoded", now);
}
