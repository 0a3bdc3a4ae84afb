using System.Text.Json.Nodes;
using CheckinBot.Core.Messages;
using CheckinBot.Teams.Activities;

namespace CheckinBot.Teams.Cards;

/// <summary>
/// Renders the core's neutral messages for Teams: a plain-text message when there is nothing to lay out, otherwise an
/// Adaptive Card (1.4) built as JSON, whose buttons are <c>Action.Execute</c> (falling back to <c>Action.Submit</c>)
/// carrying <c>{"action", "value"}</c>, and whose <c>fallbackText</c> is the whole message as text.
/// </summary>
internal static class AdaptiveCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.4";

    /// <summary>True when the message needs a card: buttons, a heading or a footnote.</summary>
    public static bool NeedsCard(BotMessage message) =>
        message.Buttons.Count > 0 || !string.IsNullOrEmpty(message.Title) || !string.IsNullOrEmpty(message.Context);

    /// <summary>The message as an Adaptive Card.</summary>
    public static JsonObject Card(BotMessage message, bool withButtons = true)
    {
        var body = new JsonArray();
        if (!string.IsNullOrEmpty(message.Title))
        {
            body.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = message.Title,
                ["weight"] = "Bolder",
                ["size"] = "Medium",
                ["wrap"] = true,
                ["style"] = "heading",
            });
        }

        foreach (var line in message.Lines)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = line, ["wrap"] = true });
        }

        if (!string.IsNullOrEmpty(message.Context))
        {
            body.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = message.Context,
                ["isSubtle"] = true,
                ["size"] = "Small",
                ["wrap"] = true,
            });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["fallbackText"] = message.PlainText,
            ["body"] = body,
        };
        if (withButtons && message.Buttons.Count > 0)
        {
            card["actions"] = new JsonArray(message.Buttons.Select(Button).ToArray<JsonNode?>());
        }

        return card;
    }

    /// <summary>The message as the body of a message activity: text alone, or a card with a text summary.</summary>
    public static JsonObject Activity(BotMessage message)
    {
        var activity = new JsonObject { ["type"] = ActivityTypes.Message };
        if (NeedsCard(message))
        {
            activity["summary"] = message.PlainText;
            activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = ContentType, ["content"] = Card(message) });
        }
        else
        {
            activity["text"] = message.PlainText;
            activity["textFormat"] = "plain";
        }

        return activity;
    }

    private static JsonObject Button(MessageButton button)
    {
        var data = new JsonObject { [CardAction.ActionKey] = button.ActionId, [CardAction.ValueKey] = button.Value };
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = button.Label,
            ["verb"] = button.ActionId,
            ["data"] = data,
            ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = button.Label, ["data"] = data.DeepClone() },
        };
        if (button.Primary)
        {
            action["style"] = "positive";
        }

        return action;
    }
}
