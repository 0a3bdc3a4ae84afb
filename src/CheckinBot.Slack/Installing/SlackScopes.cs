namespace CheckinBot.Slack.Installing;

/// <summary>The bot scopes CheckinBot asks for; the same list is in <c>deploy/slack/manifest.yaml</c>.</summary>
public static class SlackScopes
{
    public static readonly IReadOnlyList<string> Bot =
    [
        "commands",
        "chat:write",
        "app_mentions:read",
        "channels:history",
        "groups:history",
        "im:history",
        "mpim:history",
        "im:write",
        "users:read",
        "reactions:write",
    ];
}
