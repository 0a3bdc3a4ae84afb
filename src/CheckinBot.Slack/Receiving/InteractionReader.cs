using System.Text.Json;
using CheckinBot.Core.Conversations;

namespace CheckinBot.Slack.Receiving;

/// <summary>Reads an interactivity payload; a <c>block_actions</c> button click in a conversation becomes an action turn.</summary>
public static class InteractionReader
{
    public static ChatTurn? Read(JsonElement payload)
    {
        if (payload.Str("type") != "block_actions" || payload.Arr("actions") is not { } actions || actions.GetArrayLength() == 0)
        {
            return null;
        }

        var action = actions[0];
        var actionId = action.Str("action_id");
        var user = payload.Obj("user");
        var userId = user?.Str("id");
        var team = payload.Obj("team")?.Str("id") ?? user?.Str("team_id");
        var container = payload.Obj("container");
        var channel = payload.Obj("channel")?.Str("id") ?? container?.Str("channel_id");
        if (actionId is null || userId is null || team is null || channel is null)
        {
            return null;
        }

        var message = payload.Obj("message");
        var messageTs = container?.Str("message_ts") ?? message?.Str("ts");
        var triggerId = payload.Str("trigger_id");
        return new ChatTurn
        {
            Platform = SlackPlatform.Name,
            WorkspaceId = team,
            ConversationId = channel,
            Person = new ChatPerson(userId, user?.Str("name")),
            Kind = TurnKind.Action,
            ActionId = Delivery.BlockKit.ActionIdOf(actionId),
            ActionValue = action.Str("value"),
            MessageId = messageTs,
            ThreadId = message?.Str("thread_ts"),
            IsDirect = channel.StartsWith('D'),
            EventId = triggerId is null ? null : $"action:{triggerId}",
        };
    }
}
