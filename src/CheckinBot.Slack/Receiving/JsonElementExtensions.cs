using System.Text.Json;
using CheckinBot.Core.Commands;

namespace CheckinBot.Slack.Receiving;

/// <summary>
/// Safe reads of Slack's JSON, the only way the receivers read it: a missing or differently typed field is null, a
/// string whose escapes are no valid UTF-16 (a lone surrogate, <c>"\ud800"</c>) is null too, and noncharacters come
/// back as U+FFFD. Never an exception.
/// </summary>
internal static class JsonElementExtensions
{
    public static string? Str(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value.Text() : null;

    /// <summary>The element as text, when it is a string that .NET can hold.</summary>
    public static string? Text(this JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return Words.Clean(value.GetString()!);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static JsonElement? Obj(this JsonElement element, string name) => Property(element, name, JsonValueKind.Object);

    public static JsonElement? Arr(this JsonElement element, string name) => Property(element, name, JsonValueKind.Array);

    public static string? Str(this JsonElement? element, string name) => element is { } e ? e.Str(name) : null;

    public static JsonElement? Obj(this JsonElement? element, string name) => element is { } e ? e.Obj(name) : null;

    public static bool IsTrue(this JsonElement element, string name) =>
        Property(element, name, JsonValueKind.True) is not null;

    private static JsonElement? Property(JsonElement element, string name, JsonValueKind kind) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : null;
}
