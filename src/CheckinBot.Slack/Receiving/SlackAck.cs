using System.Text.Json.Nodes;

namespace CheckinBot.Slack.Receiving;

/// <summary>How a handled Slack request is acknowledged: a status and an optional body (JSON or plain text).</summary>
public sealed record SlackAck(int Status, JsonObject? Json = null, string? Text = null)
{
    public static SlackAck Empty { get; } = new(200);

    public static SlackAck BadRequest(string reason) => new(400, Text: reason);

    /// <summary>A reply only the person who ran the command sees.</summary>
    public static SlackAck Ephemeral(string text) =>
        new(200, new JsonObject { ["response_type"] = "ephemeral", ["text"] = text });

    /// <summary>The answer to a slash command, inside its acknowledgement: only the sender sees it, or the conversation.</summary>
    public static SlackAck Answer(JsonObject message, bool onlyForSender)
    {
        message["response_type"] = onlyForSender ? "ephemeral" : "in_channel";
        return new(200, message);
    }

    /// <summary>Slack is told the bot is busy; its retry schedule (events) or the person (commands) tries again.</summary>
    public static SlackAck Busy(bool isCommand) =>
        isCommand ? Ephemeral("CheckinBot is busy right now; please try again in a minute.") : new(503, Text: "busy");
}
