using System.Globalization;
using System.Text;
using CheckinBot.Host.Tests.Slack;
using CheckinBot.Slack.Receiving;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>Slash commands signed the way Slack signs them, for the telemetry tests' hosts.</summary>
public static class SignedSlack
{
    public const string Secret = "otel-signing-secret";
    public const string Team = "T0CHECKIN";
    public const string Channel = "C0SHARED";

    /// <summary>The settings that point the host's Slack at <paramref name="apiBaseUrl"/>.</summary>
    public static string[] Settings(string apiBaseUrl) =>
    [
        $"--Slack:SigningSecret={Secret}",
        $"--Slack:BotToken={EndToEndSlack.BotToken}",
        $"--Slack:ApiBaseUrl={apiBaseUrl}",
        "--Slack:ChannelPostInterval=00:00:00",
    ];

    public static HttpRequestMessage Command(string user, string text, string trigger)
    {
        var body = Encoding.UTF8.GetBytes(string.Join('&',
            $"token=legacy&team_id={Team}&team_domain=checkin-example&channel_id={Channel}&channel_name=maria-pieter",
            $"user_id={user}&user_name=someone&command=%2Fcheckin&text={Uri.EscapeDataString(text)}",
            $"api_app_id=A0CHECKIN&is_enterprise_install=false&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1&trigger_id=1111.2222.{trigger}"));
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Compute(Secret, timestamp, body));
        return request;
    }

    /// <summary>Polls until <paramref name="condition"/> holds, for at most <paramref name="seconds"/>.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what, int seconds = 20)
    {
        var until = Environment.TickCount64 + (seconds * 1000L);
        while (!condition())
        {
            if (Environment.TickCount64 > until)
            {
                condition().Should().BeTrue($"{what} should hold within {seconds} s");
                return;
            }

            await Task.Delay(25);
        }
    }
}
