using System.Text.Json.Nodes;
using CheckinBot.Teams.Cards;

namespace CheckinBot.Teams.Receiving;

/// <summary>The bodies of answers to an <c>adaptiveCard/action</c> invoke (Universal Actions).</summary>
internal static class InvokeResponses
{
    /// <summary>Replaces the clicked card with this one.</summary>
    public static JsonObject Card(JsonObject card) => new()
    {
        ["statusCode"] = 200,
        ["type"] = AdaptiveCards.ContentType,
        ["value"] = card,
    };

    /// <summary>Leaves the card as it is and shows the person who clicked a short message.</summary>
    public static JsonObject Message(string text) => new()
    {
        ["statusCode"] = 200,
        ["type"] = "application/vnd.microsoft.activity.message",
        ["value"] = text,
    };

    public static JsonObject Error(int status, string code, string message) => new()
    {
        ["statusCode"] = status,
        ["type"] = "application/vnd.microsoft.error",
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    };
}
