using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CheckinBot.Bench.Peers;

/// <summary>A <c>/checkin</c> slash command as Slack sends it: form fields, signed with the signing secret (v0, HMAC-SHA256).</summary>
internal static class SignedCommand
{
    public static HttpRequestMessage Create(Uri url, string secret, long unixSeconds, string team, string channel, string user, string text, string triggerId, Uri responseUrl)
    {
        var body = Encoding.UTF8.GetBytes(string.Join('&', new[]
        {
            ("token", "legacy-bench-token"),
            ("team_id", team),
            ("team_domain", "bench"),
            ("channel_id", channel),
            ("channel_name", "bench-" + channel.ToLowerInvariant()),
            ("user_id", user),
            ("user_name", user.ToLowerInvariant()),
            ("command", "/checkin"),
            ("text", text),
            ("api_app_id", "A0BENCH"),
            ("is_enterprise_install", "false"),
            ("response_url", responseUrl.ToString()),
            ("trigger_id", triggerId),
        }.Select(field => field.Item1 + "=" + Uri.EscapeDataString(field.Item2))));
        var timestamp = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Signature(secret, timestamp, body));
        return request;
    }

    public static string Signature(string secret, string timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes("v0:" + timestamp + ":").Concat(body).ToArray();
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
