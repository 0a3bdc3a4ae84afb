using System.Text.Json;

namespace CheckinBot.Slack.Receiving;

/// <summary>Forgiving reads of Slack's JSON: a missing or differently typed field is null, never an exception.</summary>
internal static class JsonElementExtensions
{
    public static string? Str(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement? Obj(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static string? Str(this JsonElement? element, string name) => element is { } e ? e.Str(name) : null;

    public static JsonElement? Obj(this JsonElement? element, string name) => element is { } e ? e.Obj(name) : null;

    public static bool IsTrue(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
