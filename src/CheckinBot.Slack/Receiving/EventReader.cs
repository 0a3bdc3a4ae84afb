using System.Text.Json;
using CheckinBot.Core.Conversations;

namespace CheckinBot.Slack.Receiving;

/// <summary>Reads an Events API <c>event_callback</c> into the work it asks for, or nothing for events the bot ignores.</summary>
public static class EventReader
{
    // Message subtypes that are still a person writing; every other subtype (bot_message, message_changed,
    // message_deleted, channel_join, ...) is not something to answer.
    private static readonly HashSet<string> PersonSubtypes = new(StringComparer.Ordinal) { "thread_broadcast", "file_share" };

    public static SlackWork? Read(JsonElement callback)
    {
        var eventId = callback.Str("event_id");
        var team = callback.Str("team_id");
        if (callback.Obj("event") is not { } ev || team is null)
        {
            return null;
        }

        return ev.Str("type") switch
        {
            "message" => ReadMessage(callback, ev, team, eventId),
            "app_uninstalled" => new SlackWork.Uninstall(team, eventId),
            "tokens_revoked" when ev.Obj("tokens")?.Arr("bot") is { } bots && bots.GetArrayLength() > 0 => new SlackWork.Uninstall(team, eventId),
            _ => null,
        };
    }

    private static SlackWork.Turn? ReadMessage(JsonElement callback, JsonElement ev, string team, string? eventId)
    {
        var subtype = ev.Str("subtype");
        var user = ev.Str("user");
        var channel = ev.Str("channel");
        var ts = ev.Str("ts");
        if ((subtype is not null && !PersonSubtypes.Contains(subtype)) || ev.Str("bot_id") is not null ||
            user is null || channel is null || ts is null || IsBotUser(callback, user))
        {
            return null;
        }

        var turn = new ChatTurn
        {
            Platform = SlackPlatform.Name,
            WorkspaceId = ev.Str("team") ?? team,
            ConversationId = channel,
            Person = new ChatPerson(user),
            Kind = TurnKind.Message,
            Text = ev.Str("text") ?? "",
            ThreadId = ev.Str("thread_ts") ?? ts,
            MessageId = ts,
            IsDirect = ev.Str("channel_type") == "im",
            EventId = eventId,
        };
        return new SlackWork.Turn(turn);
    }

    /// <summary>The bot's own user id is among the event's authorizations marked <c>is_bot</c>.</summary>
    private static bool IsBotUser(JsonElement callback, string user)
    {
        return callback.Arr("authorizations") is { } authorizations &&
            authorizations.EnumerateArray().Any(a => a.Str("user_id") == user && a.IsTrue("is_bot"));
    }
}
