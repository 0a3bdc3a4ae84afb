namespace CheckinBot.Teams.Activities;

/// <summary>Where an activity happened, in the terms the core and the gateway share.</summary>
/// <param name="WorkspaceId">The tenant id (or, outside Teams, the channel id).</param>
/// <param name="ConversationId">The conversation id without a channel thread's <c>;messageid=</c> suffix.</param>
/// <param name="ThreadId">The root message of the channel thread the activity is in, if any.</param>
/// <param name="IsDirect">True in a personal chat with the bot.</param>
/// <param name="IsChannel">True in a Teams channel, where replies thread.</param>
internal sealed record TeamsConversation(string WorkspaceId, string ConversationId, string? ThreadId, bool IsDirect, bool IsChannel)
{
    private const string ThreadMarker = ";messageid=";

    /// <summary>Reads the place of an activity; null when it names no conversation.</summary>
    public static TeamsConversation? Of(Activity activity)
    {
        var id = activity.Conversation?.Id;
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        string? thread = null;
        var marker = id.IndexOf(ThreadMarker, StringComparison.OrdinalIgnoreCase);
        if (marker >= 0)
        {
            thread = id[(marker + ThreadMarker.Length)..];
            id = id[..marker];
        }

        var type = activity.Conversation!.ConversationType;
        var isDirect = string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase) ||
            (type is null && activity.Conversation.IsGroup != true);
        var isChannel = string.Equals(type, "channel", StringComparison.OrdinalIgnoreCase);
        return new TeamsConversation(WorkspaceOf(activity), id, string.IsNullOrEmpty(thread) ? null : thread, isDirect, isChannel);
    }

    /// <summary>The tenant of an activity: <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    public static string WorkspaceOf(Activity activity)
    {
        if (activity.ChannelData is { } data && ActivityJson.Obj(data, "tenant") is { } tenant && ActivityJson.Str(tenant, "id") is { Length: > 0 } fromChannelData)
        {
            return fromChannelData;
        }

        return activity.Conversation?.TenantId is { Length: > 0 } tenantId ? tenantId
            : activity.ChannelId is { Length: > 0 } channel ? channel
            : "default";
    }
}
