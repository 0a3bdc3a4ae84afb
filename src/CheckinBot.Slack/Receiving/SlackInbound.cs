using System.Text.Json;
using CheckinBot.Slack.Delivery;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Slack.Receiving;

/// <summary>
/// Turns verified Slack requests (commands, events, interactions) into queued work and says how to acknowledge them.
/// The HTTP endpoints and the Socket Mode receiver share it.
/// </summary>
public sealed class SlackInbound(SlackWorkInbox queue, SlackResponseUrls responseUrls, ILogger<SlackInbound> logger)
{
    public SlackAck HandleCommand(IReadOnlyDictionary<string, string> fields)
    {
        var (turn, error) = SlashCommandReader.Read(fields);
        if (turn is null)
        {
            return SlackAck.BadRequest(error!);
        }

        logger.Command(turn.Person.Id, turn.WorkspaceId, turn.ConversationId);
        responseUrls.Remember(turn.WorkspaceId, turn.ConversationId, turn.Person.Id, fields.GetValueOrDefault("response_url"));
        return Enqueue(new SlackWork.Turn(turn), isCommand: true);
    }

    public SlackAck HandleEvent(JsonElement body)
    {
        switch (body.Str("type"))
        {
            case "url_verification":
                return body.Str("challenge") is { } challenge ? new SlackAck(200, Text: challenge) : SlackAck.BadRequest("url_verification needs a challenge.");
            case "event_callback":
                var work = EventReader.Read(body);
                var (eventId, eventType, teamId) = (body.Str("event_id"), body.Obj("event").Str("type"), body.Str("team_id"));
                logger.Event(eventId, eventType, teamId, work is null ? "ignored" : "queued");
                return work is null ? SlackAck.Empty : Enqueue(work, isCommand: false);
            default:
                return SlackAck.Empty;
        }
    }

    public SlackAck HandleInteraction(JsonElement payload)
    {
        var turn = InteractionReader.Read(payload);
        if (turn is null)
        {
            return SlackAck.Empty;
        }

        logger.Action(turn.ActionId, turn.Person.Id, turn.WorkspaceId, turn.ConversationId);
        return Enqueue(new SlackWork.Turn(turn), isCommand: false);
    }

    private SlackAck Enqueue(SlackWork work, bool isCommand)
    {
        if (queue.TryEnqueue(work))
        {
            return SlackAck.Empty;
        }

        logger.Busy();
        return SlackAck.Busy(isCommand);
    }
}
