using System.Text.Json.Nodes;

namespace CheckinBot.Slack.Tests.Support;

/// <summary>One Web API call the fake Slack received.</summary>
public sealed record FakeSlackCall(string Method, string? Token, JsonObject? Json, IReadOnlyDictionary<string, string> Form)
{
    /// <summary>A field of the call, whether it came as JSON or as a form.</summary>
    public string? this[string field] =>
        Json?[field] is JsonValue value ? value.ToString() : Form.TryGetValue(field, out var text) ? text : null;
}
