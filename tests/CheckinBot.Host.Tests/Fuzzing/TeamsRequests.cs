using System.Text;

namespace CheckinBot.Host.Tests.Fuzzing;

/// <summary>
/// Garbage activities for <c>/api/messages</c> with a valid token (or none, in the anonymous Development mode): each
/// lacks a usable type, conversation or service URL, and may carry wrong types and lone surrogates anywhere.
/// </summary>
public sealed class TeamsRequests(string serviceUrl, string? token)
{
    private Slot[] Activity =>
    [
        new("type", d => d.Good("message", "message", "invoke", "conversationUpdate", "installationUpdate", "typing"), Required: true),
        // With a token the service URL must match its claim; without one (anonymous mode) it decides nothing.
        new("serviceUrl", d => Draw.Quote(serviceUrl), Required: token is not null),
        new("conversation.id", d => d.Good("a:1fuzz", "19:fuzz@thread.tacv2;messageid=1"), Required: true),
        new("conversation.conversationType", d => d.Good("personal", "channel", "groupChat")),
        new("conversation.tenantId", d => d.Good("t-fuzz")),
        new("conversation.isGroup", d => d.Pick("true", "false")),
        new("id", d => Draw.Quote("1" + d.Number(0, 999_999))),
        new("channelId", d => d.Good("msteams", "emulator", "webchat")),
        new("from.id", d => d.Good("29:1fuzz", "28:bot")),
        new("from.name", d => d.Odd()),
        new("from.role", d => d.Good("user", "bot")),
        new("recipient.id", d => d.Good("28:bot")),
        new("text", d => d.Odd()),
        new("name", d => d.Good("adaptiveCard/action", "composeExtension/query")),
        new("action", d => d.Good("add", "remove")),
        new("locale", d => d.Good("nl-BE", "xx", "")),
        new("localTimezone", d => d.Good("Europe/Brussels", "Mars/Olympus")),
        new("entities", d => d.Pick(
            "[{\"type\":\"mention\",\"text\":\"<at>Bot</at>\",\"mentioned\":{\"id\":\"28:bot\",\"name\":\"Bot\"}}]",
            "[{\"type\":\"mention\",\"mentioned\":\"x\"},1,[]]", "[{\"type\":\"clientInfo\",\"timezone\":{},\"locale\":7}]")),
        new("channelData", d => d.Pick("{\"tenant\":{\"id\":\"t-fuzz\"}}", "{\"tenant\":\"x\"}", "[]")),
        new("value", d => d.Pick("{\"action\":\"rhythm.accept\",\"value\":\"1\"}", "{\"action\":{\"data\":\"x\",\"verb\":[1]}}", "\"x\"")),
        new("membersAdded", d => d.Pick("[{\"id\":\"28:bot\"}]", "[1]", "{}")),
    ];

    public HostileRequest Next(Draw draw)
    {
        var body = draw.Chance(8) ? draw.Junk() : Encoding.UTF8.GetBytes(JsonShape.Garbage(draw, Activity));
        var headers = token is null ? [] : new List<KeyValuePair<string, string>> { new("Authorization", "Bearer " + token) };
        return new HostileRequest(HttpMethod.Post, "/api/messages", body, draw.Chance(95) ? "application/json" : draw.Pick("text/plain", "", "application/json; charset=utf-16"), headers);
    }
}
