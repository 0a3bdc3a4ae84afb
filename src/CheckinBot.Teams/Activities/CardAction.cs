using System.Text.Json;

namespace CheckinBot.Teams.Activities;

/// <summary>
/// The data CheckinBot puts on its card buttons, <c>{"action": id, "value": value}</c>, as it comes back: in the
/// <c>value</c> of a message (Action.Submit) or in <c>value.action.data</c> of an <c>adaptiveCard/action</c> invoke
/// (Action.Execute, whose <c>verb</c> is the action id too).
/// </summary>
internal sealed record CardAction(string ActionId, string? Value)
{
    public const string ActionKey = "action";
    public const string ValueKey = "value";

    public static CardAction? FromSubmit(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } data && MentionText.Str(data, ActionKey) is { Length: > 0 } id
            ? new CardAction(id, MentionText.Str(data, ValueKey))
            : null;

    public static CardAction? FromExecute(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } invoke ||
            !invoke.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var data = action.TryGetProperty("data", out var d) ? d : default;
        var id = MentionText.Str(data, ActionKey) ?? MentionText.Str(action, "verb");
        return string.IsNullOrEmpty(id) ? null : new CardAction(id, MentionText.Str(data, ValueKey));
    }
}
