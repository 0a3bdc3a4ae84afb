using System.Text.Json;
using CheckinBot.Teams.References;

namespace CheckinBot.Teams.Sending;

/// <summary>
/// The fields that address an outbound activity (conversation, bot, channel, person, the message it replies to or
/// replaces), written beside the rendered activity's own fields as the body is written, instead of being set on it.
/// </summary>
internal readonly record struct ActivityAddress(ConversationReference Via, string ConversationId, string? ReplyToId = null, string? ActivityId = null)
{
    /// <summary>True for a field this address writes, which the rendered activity's own must not repeat.</summary>
    public bool Writes(string name) => name switch
    {
        "conversation" => true,
        "from" => Via.BotId is not null,
        "channelId" => Via.ChannelId is not null,
        "recipient" => Via.UserId is not null,
        "replyToId" => ReplyToId is not null,
        "id" => ActivityId is not null,
        _ => false,
    };

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (ActivityId is not null)
        {
            writer.WriteString("id"u8, ActivityId);
        }

        if (ReplyToId is not null)
        {
            writer.WriteString("replyToId"u8, ReplyToId);
        }

        writer.WriteStartObject("conversation"u8);
        writer.WriteString("id"u8, ConversationId);
        writer.WriteEndObject();
        if (Via.BotId is not null)
        {
            writer.WriteStartObject("from"u8);
            writer.WriteString("id"u8, Via.BotId);
            writer.WriteString("name"u8, Via.BotName);
            writer.WriteEndObject();
        }

        if (Via.ChannelId is not null)
        {
            writer.WriteString("channelId"u8, Via.ChannelId);
        }

        if (Via.UserId is not null)
        {
            writer.WriteStartObject("recipient"u8);
            writer.WriteString("id"u8, Via.UserId);
            writer.WriteEndObject();
        }
    }
}
