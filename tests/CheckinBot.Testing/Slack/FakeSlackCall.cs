using System.Text.Json.Nodes;

namespace CheckinBot.Testing.Slack;

/// <summary>One Web API call the fake Slack received.</summary>
public sealed record FakeSlackCall(string Method, string? Token, JsonObject? Json, IReadOnlyDictionary<string, string> Form)
{
    /// <summary>The node that made the call, when it was given its own base URL (<see cref="FakeSlack.ApiBaseUrlFor"/>).</summary>
    public string? Node { get; init; }

    /// <summary>A field of the call, whether it came as JSON or as a form.</summary>
    public string? this[string field] =>
        Json?[field] is JsonValue value ? value.ToString() : Form.TryGetValue(field, out var text) ? text : null;
}
