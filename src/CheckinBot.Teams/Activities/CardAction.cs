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
        value is { ValueKind: JsonValueKind.Object } data && ActivityJson.Str(data, ActionKey) is { Length: > 0 } id
            ? new CardAction(id, ActivityJson.Str(data, ValueKey))
            : null;

    public static CardAction? FromExecute(JsonElement? value)
    {
        if (value is not { } invoke || ActivityJson.Obj(invoke, "action") is not { } action)
        {
            return null;
        }

        var data = ActivityJson.Obj(action, "data") ?? default;
        var id = ActivityJson.Str(data, ActionKey) ?? ActivityJson.Str(action, "verb");
        return string.IsNullOrEmpty(id) ? null : new CardAction(id, ActivityJson.Str(data, ValueKey));
    }
}
