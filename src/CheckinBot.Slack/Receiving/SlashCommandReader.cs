using CheckinBot.Core.Commands;
using CheckinBot.Core.Conversations;

namespace CheckinBot.Slack.Receiving;

/// <summary>Reads a slash command's form fields into a command turn.</summary>
public static class SlashCommandReader
{
    /// <summary>The turn for a <c>/checkin</c> command, or an error saying which field is missing.</summary>
    public static (ChatTurn? Turn, string? Error) Read(IReadOnlyDictionary<string, string> fields)
    {
        string? Field(string name) => fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? Words.Clean(value) : null;

        var team = Field("team_id");
        var channel = Field("channel_id");
        var user = Field("user_id");
        if (team is null || channel is null || user is null)
        {
            return (null, "A slash command needs team_id, channel_id and user_id.");
        }

        var triggerId = Field("trigger_id");
        var turn = new ChatTurn
        {
            Platform = SlackPlatform.Name,
            WorkspaceId = team,
            ConversationId = channel,
            Person = new ChatPerson(user, Field("user_name")),
            Kind = TurnKind.Command,
            Text = Field("text")?.Trim() ?? "",
            IsDirect = Field("channel_name") == "directmessage" || channel.StartsWith('D'),
            EventId = triggerId is null ? null : $"command:{triggerId}",
            NeverRetried = true,
            ReplyAddress = Uri.TryCreate(Field("response_url"), UriKind.Absolute, out var reply) && reply.Scheme is "https" or "http"
                ? reply.AbsoluteUri
                : null,
        };
        return (turn, null);
    }
}
