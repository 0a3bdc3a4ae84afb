using System.Globalization;
using System.Text;
using CheckinBot.Slack.Receiving;

namespace CheckinBot.Host.Tests.Fuzzing;

/// <summary>
/// Garbage for Slack's three request URLs, signed with the right secret, and well-formed requests with every header
/// wrong in turn (secret, timestamp, signature format).
/// </summary>
public sealed class SlackRequests(string secret, Func<DateTimeOffset> now)
{
    private static readonly Slot[] Event =
    [
        new("type", d => d.Good("event_callback"), Required: true),
        new("team_id", d => d.Good("T0FUZZ", "T1"), Required: true),
        new("event_id", d => Draw.Quote("Ev" + d.Number(0, 999_999))),
        new("event.type", d => d.Good("message", "message", "app_mention", "reaction_added", "app_uninstalled", "tokens_revoked"), Required: true),
        new("event.user", d => d.Good("U0FUZZ1", "U0FUZZ2"), Required: true),
        new("event.channel", d => d.Good("C0FUZZ", "D0FUZZ"), Required: true),
        new("event.ts", d => d.Good("1767600000.000100"), Required: true),
        new("event.text", d => d.Odd()),
        new("event.subtype", d => d.Good("bot_message", "thread_broadcast", "message_changed")),
        new("event.thread_ts", d => d.Good("1767600000.000001")),
        new("event.channel_type", d => d.Good("im", "channel")),
        new("event.team", d => d.Good("T0FUZZ")),
        new("event.tokens", d => d.Pick("{\"bot\":[\"UBOT\"]}", "{\"bot\":\"UBOT\"}", "{\"oauth\":[]}")),
        new("authorizations", d => d.Pick("[{\"user_id\":\"U0FUZZ1\",\"is_bot\":true}]", "[1,\"x\",null]", "[{\"user_id\":\"\\ud800\"}]")),
    ];

    private static readonly Slot[] Interaction =
    [
        new("type", d => d.Good("block_actions"), Required: true),
        new("actions", d => d.Pick(
            "[{\"action_id\":\"rhythm.accept\",\"value\":\"1\"}]", "[{\"action_id\":\"checkin.rhythm.decline\",\"value\":\"x\"}]",
            "[{\"action_id\":\"forget.confirm\"}]"), Required: true),
        new("user.id", d => d.Good("U0FUZZ1", "U0FUZZ2"), Required: true),
        new("user.name", d => d.Odd()),
        new("team.id", d => d.Good("T0FUZZ"), Required: true),
        new("channel.id", d => d.Good("C0FUZZ", "D0FUZZ"), Required: true),
        new("container.message_ts", d => d.Good("1767600000.000100")),
        new("message.ts", d => d.Good("1767600000.000100")),
        new("message.thread_ts", d => d.AnyValue()),
        new("trigger_id", d => Draw.Quote("tr" + d.Number(0, 999_999))),
    ];

    private static readonly string[] CommandFields = ["team_id", "channel_id", "user_id"];

    public HostileRequest Command(Draw draw) =>
        draw.Chance(25) ? WrongHeaders(draw, "/slack/commands", GoodCommand(draw), "application/x-www-form-urlencoded")
        : Signed(draw, "/slack/commands", draw.Chance(8) ? draw.Junk() : GarbageCommand(draw), "application/x-www-form-urlencoded");

    public HostileRequest Events(Draw draw) =>
        draw.Chance(25) ? WrongHeaders(draw, "/slack/events", Encoding.UTF8.GetBytes(GoodEvent), "application/json")
        : Signed(draw, "/slack/events", draw.Chance(8) ? draw.Junk() : Encoding.UTF8.GetBytes(JsonShape.Garbage(draw, Event)), "application/json");

    public HostileRequest Interactions(Draw draw) =>
        draw.Chance(25) ? WrongHeaders(draw, "/slack/interactions", Form(("payload", GoodInteraction)), "application/x-www-form-urlencoded")
        : Signed(draw, "/slack/interactions", draw.Number(0, 9) switch
        {
            0 => draw.Junk(),
            1 => Form(("payload", Encoding.UTF8.GetString(draw.Junk()))),
            2 => Form(("nothing", "here")),
            _ => Form(("payload", JsonShape.Garbage(draw, Interaction))),
        }, "application/x-www-form-urlencoded");

    private const string GoodEvent = """{"type":"event_callback","team_id":"T0FUZZ","event_id":"EvGOOD","event":{"type":"message","user":"U0FUZZ1","channel":"C0FUZZ","ts":"1767600000.000100","text":"any update?"}}""";

    private const string GoodInteraction = """{"type":"block_actions","actions":[{"action_id":"rhythm.accept","value":"1"}],"user":{"id":"U0FUZZ2"},"team":{"id":"T0FUZZ"},"channel":{"id":"C0FUZZ"},"trigger_id":"trGOOD"}""";

    private static byte[] GoodCommand(Draw draw) => Form(
        ("team_id", "T0FUZZ"), ("channel_id", "C0FUZZ"), ("user_id", "U0FUZZ1"), ("command", "/checkin"),
        ("text", draw.Pick("setup <@U0FUZZ2>", "propose update weekdays 17:00", "forget yes", "lang nl")), ("trigger_id", "trGOOD"));

    /// <summary>A command form whose team, channel or user is missing or blank; the other fields anything at all.</summary>
    private static byte[] GarbageCommand(Draw draw)
    {
        var broken = draw.Pick(CommandFields);
        var fields = new List<(string, string)>();
        foreach (var name in CommandFields)
        {
            if (name != broken)
            {
                fields.Add((name, draw.Pick("T0FUZZ", "C0FUZZ", "U0FUZZ1", draw.Text())));
            }
            else if (draw.Chance(50))
            {
                fields.Add((name, draw.Pick("", " ", "\t")));
            }
        }

        fields.Add(("text", draw.Chance(50) ? draw.Text() : draw.Pick("status \uFFFE", "\uD800", "propose update weekdays 17:00", "help")));
        fields.Add(("response_url", draw.Pick("https://hooks.slack.com/commands/T/1/x", "file:///etc/passwd", "http://127.0.0.1:1/", draw.Text())));
        fields.Add(("trigger_id", "tr" + draw.Number(0, 999_999)));
        var form = Encoding.UTF8.GetString(Form([.. fields]));
        // Raw escapes that decode to no valid UTF-16, and stray separators.
        return Encoding.UTF8.GetBytes(draw.Number(0, 3) switch
        {
            0 => form + "&text=%ED%A0%80%EF%BF%BE",
            1 => form + "&&=&%zz=%",
            _ => form,
        });
    }

    private HostileRequest Signed(Draw draw, string path, byte[] body, string contentType)
    {
        var timestamp = now().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new HostileRequest(HttpMethod.Post, path, body, draw.Chance(95) ? contentType : draw.Pick("text/plain", "application/json", ""),
        [
            new("X-Slack-Request-Timestamp", timestamp),
            new("X-Slack-Signature", SlackSignature.Compute(secret, timestamp, body)),
        ]);
    }

    /// <summary>A request that would do something, with one header wrong: each is refused before its body is read.</summary>
    private HostileRequest WrongHeaders(Draw draw, string path, byte[] body, string contentType)
    {
        var fresh = now().ToUnixTimeSeconds();
        var timestamp = fresh.ToString(CultureInfo.InvariantCulture);
        var signature = SlackSignature.Compute(secret, timestamp, body);
        var headers = draw.Number(0, 8) switch
        {
            0 => [new("X-Slack-Request-Timestamp", timestamp), new("X-Slack-Signature", SlackSignature.Compute("not-the-secret", timestamp, body))],
            1 => Stamped((fresh - 301).ToString(CultureInfo.InvariantCulture)),
            2 => Stamped((fresh + 400).ToString(CultureInfo.InvariantCulture)),
            3 => Stamped(draw.Pick("", "abc", "-1", "99999999999999999999", "1.5", " 1767600000")),
            4 => [new("X-Slack-Request-Timestamp", timestamp), new("X-Slack-Signature", signature.Replace("v0=", "v1=", StringComparison.Ordinal))],
            5 => [new("X-Slack-Request-Timestamp", timestamp), new("X-Slack-Signature", signature[..^1] + (signature[^1] == '0' ? '1' : '0'))],
            6 => [new("X-Slack-Request-Timestamp", timestamp)],
            7 => [new("X-Slack-Signature", signature)],
            _ => [new("X-Slack-Request-Timestamp", timestamp), new("X-Slack-Signature", draw.Pick("", "v0=", "v0=zz", signature.ToUpperInvariant(), draw.Text()))],
        };
        return new HostileRequest(HttpMethod.Post, path, body, contentType, headers);

        List<KeyValuePair<string, string>> Stamped(string stamp) =>
            [new("X-Slack-Request-Timestamp", stamp), new("X-Slack-Signature", SlackSignature.Compute(secret, stamp, body))];
    }

    private static byte[] Form(params (string Name, string Value)[] fields) =>
        Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Escape(f.Value))));

    /// <summary>Percent-encodes, lone surrogates included (as the replacement character's bytes would not show them).</summary>
    private static string Escape(string value)
    {
        var builder = new StringBuilder();
        foreach (var c in value)
        {
            builder.Append(char.IsSurrogate(c) ? "%ED%A0%80" : Uri.EscapeDataString(c.ToString()));
        }

        return builder.ToString();
    }
}
