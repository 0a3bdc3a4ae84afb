using System.Text;

namespace CheckinBot.Host.Tests.Fuzzing;

/// <summary>Garbage for the playground API: messages, actions and clock moves that must be refused, and transcript reads.</summary>
public sealed class PlaygroundRequests(string ownOrigin, string botMessageId)
{
    private static readonly Slot[] Message =
    [
        new("from", d => d.Good("va", "client"), Required: true),
        new("text", d => d.Good("/checkin propose update weekdays 17:00", "any update?", "/checkin forget yes", "/checkin help", new string('x', 4001)), Required: true),
        new("conversation", d => d.Good("channel", "direct")),
    ];

    private static readonly string[] BadDurations =
    [
        "PT9999999999999H", "P999999W", "PT9223372036854775807S", "PT-99999999999999H", "P1M", "P1Y", "P32D", "PT0S", "-PT1H", "PT", "P", "two hours",
        "P1DT-25H", "PT1H\uFFFE", "", "P99999999999999999999D", "PT-0.5S", "P5W",
    ];

    public HostileRequest Messages(Draw draw) => Write(draw, "/playground/api/messages", () => JsonShape.Garbage(draw, Message));

    public HostileRequest Actions(Draw draw)
    {
        Slot[] action =
        [
            new("from", d => d.Good("va", "client"), Required: true),
            new("message", d => d.Good(botMessageId, "0", "-1", "99999999999"), Required: true),
            new("action", d => d.Good("rhythm.accept", "rhythm.decline", "forget.confirm"), Required: true),
            new("value", d => d.Good("1", "2", ""), Required: true),
        ];
        return Write(draw, "/playground/api/actions", () => JsonShape.Garbage(draw, action));
    }

    public HostileRequest Clock(Draw draw) => Write(draw, "/playground/api/clock", () => draw.Number(0, 4) switch
    {
        0 => draw.Broken() is { } broken ? "{\"advance\":" + broken + "}" : "{}",
        1 => "{\"advance\":" + Draw.Quote(draw.Text()) + "}",
        _ => "{\"advance\":" + Draw.Quote(draw.Pick(BadDurations)) + "}",
    });

    public static HostileRequest Transcript(Draw draw)
    {
        var after = draw.Number(0, 5) switch
        {
            0 => "",
            1 => "?after=" + draw.Number(int.MinValue, int.MaxValue),
            2 => "?after=" + draw.Pick("99999999999999999999", "-0", "1e3", "abc", "%ED%A0%80", "%00", "", "1&after=2", "0x10"),
            3 => "?after=" + Uri.EscapeDataString(draw.Text().Replace("\uD800", "", StringComparison.Ordinal)),
            _ => "?after=" + draw.Number(-10, 10_000),
        };
        return new HostileRequest(HttpMethod.Get, "/playground/api/transcript" + after, null, null, []);
    }

    /// <summary>A write: mostly JSON garbage from no origin; sometimes another type, another origin, junk or too much.</summary>
    private HostileRequest Write(Draw draw, string path, Func<string> json)
    {
        var headers = new List<KeyValuePair<string, string>>();
        var kind = draw.Number(0, 19);
        if (kind == 0)
        {
            headers.Add(new("Origin", draw.Pick("https://evil.example", "null", ownOrigin + ".evil.example", "http://localhost", draw.Text())));
        }
        else if (kind == 1)
        {
            headers.Add(new("Origin", ownOrigin));
        }

        var body = kind switch
        {
            2 => draw.Junk(),
            3 when draw.Chance(20) => Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 70_000) + "\"}"),
            _ => Encoding.UTF8.GetBytes(json()),
        };
        var contentType = kind == 4 ? draw.Pick("text/plain", "application/x-www-form-urlencoded", "", "multipart/form-data; boundary=x", "application/jsonx") : "application/json";
        return new HostileRequest(HttpMethod.Post, path, body, contentType, headers);
    }
}
