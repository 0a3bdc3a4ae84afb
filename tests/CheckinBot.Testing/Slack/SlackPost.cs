using System.Text.Json.Nodes;

namespace CheckinBot.Testing.Slack;

/// <summary>
/// One message a <see cref="FakeSlack"/> channel holds: a <c>chat.postMessage</c> (with the node that sent it, null on the
/// plain base URL) or a person's message seeded with <see cref="FakeSlack.AddChatter"/> (no node, no metadata).
/// </summary>
public sealed record SlackPost(string? Node, string Channel, string Ts, DateTimeOffset At, string Text, JsonObject? Metadata)
{
    /// <summary>The bot's occurrence key, which it carries in the message metadata (<c>event_payload.occurrence_key</c>).</summary>
    public string? OccurrenceKey => Metadata?["event_payload"]?["occurrence_key"] is JsonValue key ? key.ToString() : null;
}
