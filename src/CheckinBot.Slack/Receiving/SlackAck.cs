using System.Text.Json.Nodes;
using CheckinBot.Core.Messages;
using CheckinBot.Slack.Delivery;

namespace CheckinBot.Slack.Receiving;

/// <summary>
/// How a handled Slack request is acknowledged: a status and an optional body (JSON, plain text, or a message the
/// acknowledgement carries, which the HTTP endpoint writes straight into the response).
/// </summary>
public sealed record SlackAck(int Status, JsonObject? Json = null, string? Text = null)
{
    public static SlackAck Empty { get; } = new(200);

    /// <summary>The answer the acknowledgement carries, rendered as Block Kit where it is written.</summary>
    public BotMessage? Message { get; init; }

    /// <summary>For <see cref="Message"/>: <c>ephemeral</c> or <c>in_channel</c>.</summary>
    public string? ResponseType { get; init; }

    public static SlackAck BadRequest(string reason) => new(400, Text: reason);

    /// <summary>A reply only the person who ran the command sees.</summary>
    public static SlackAck Ephemeral(string text) =>
        new(200, new JsonObject { ["response_type"] = "ephemeral", ["text"] = text });

    /// <summary>The answer to a slash command, inside its acknowledgement: only the sender sees it, or the conversation.</summary>
    public static SlackAck Answer(BotMessage message, bool onlyForSender) =>
        new(200) { Message = message, ResponseType = onlyForSender ? "ephemeral" : "in_channel" };

    /// <summary>Slack is told the bot is busy; its retry schedule (events) or the person (commands) tries again.</summary>
    public static SlackAck Busy(bool isCommand) =>
        isCommand ? Ephemeral("CheckinBot is busy right now; please try again in a minute.") : new(503, Text: "busy");

    /// <summary>The body as a JSON tree (Socket Mode's envelope carries it), or null when there is none.</summary>
    public JsonObject? ToJson()
    {
        if (Message is null)
        {
            return Json;
        }

        var body = BlockKit.Render(Message);
        body["response_type"] = ResponseType;
        return body;
    }
}
