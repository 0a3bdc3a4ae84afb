using System.Text.Json;
using CheckinBot.Core.Commands;

namespace CheckinBot.Teams.Activities;

/// <summary>
/// Safe reads of the free-form parts of an activity (<c>entities</c>, <c>channelData</c>, <c>value</c>), the only way the
/// readers look into them: a missing field, an object where a string belongs, or a string whose escapes are no valid
/// UTF-16 (a lone surrogate, <c>"\ud800"</c>) is null; noncharacters come back as U+FFFD. Never an exception.
/// </summary>
internal static class ActivityJson
{
    /// <summary>A string, number or boolean property as text.</summary>
    public static string? Str(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                return value.GetRawText();
            case JsonValueKind.String:
                try
                {
                    return Words.Clean(value.GetString()!);
                }
                catch (InvalidOperationException)
                {
                    return null;
                }

            default:
                return null;
        }
    }

    /// <summary>An object property, or null.</summary>
    public static JsonElement? Obj(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;
}
