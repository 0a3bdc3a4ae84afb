using CheckinBot.Core.Commands;
using CheckinBot.Core.Conversations;
using CheckinBot.Slack.Delivery;

namespace CheckinBot.Slack.Receiving;

/// <summary>A slash command read from its form: the turn, and its <c>response_url</c> parsed once for all who need it.</summary>
/// <param name="Turn">The command's turn; null when a field it needs is missing.</param>
/// <param name="Error">Which field is missing.</param>
/// <param name="ResponseUrl">The <c>response_url</c> when it points at a host an answer may go to, else null.</param>
/// <param name="ResponseUrlRefused">The command came with a <c>response_url</c> elsewhere, which is never posted to.</param>
public readonly record struct SlashCommand(ChatTurn? Turn, string? Error, Uri? ResponseUrl, bool ResponseUrlRefused);

/// <summary>Reads a slash command's form fields into a command turn.</summary>
public static class SlashCommandReader
{
    /// <summary>
    /// The turn for a <c>/checkin</c> command, or an error saying which field is missing. Its <c>response_url</c> is
    /// kept only when <see cref="SlackResponseUrlHosts.Allows(Uri, Uri?)"/> does, with <paramref name="apiBase"/>.
    /// </summary>
    public static SlashCommand Read(IReadOnlyDictionary<string, string> fields, Uri? apiBase = null)
    {
        string? Field(string name) => fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? Words.Clean(value) : null;

        var team = Field("team_id");
        var channel = Field("channel_id");
        var user = Field("user_id");
        if (team is null || channel is null || user is null)
        {
            return new SlashCommand(null, "A slash command needs team_id, channel_id and user_id.", null, false);
        }

        var given = Field("response_url");
        var responseUrl = Uri.TryCreate(given, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http" ? parsed : null;
        var allowed = responseUrl is not null && SlackResponseUrlHosts.Allows(responseUrl, apiBase) ? responseUrl : null;
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
            ReplyAddress = allowed?.AbsoluteUri,
        };
        return new SlashCommand(turn, null, allowed, ResponseUrlRefused: responseUrl is not null && allowed is null);
    }
}
