using NodaTime;

namespace CheckinBot.Core.Workspaces;

/// <summary>The bot installed in one workspace (a Slack team, a Teams tenant), with its credentials.</summary>
public sealed class Installation
{
    public required string Platform { get; init; }
    public required string WorkspaceId { get; init; }
    public string? WorkspaceName { get; set; }

    /// <summary>The bot's own user id in the workspace.</summary>
    public string? BotUserId { get; set; }

    /// <summary>The bot token, in clear here; the store encrypts it at rest.</summary>
    public required string BotToken { get; set; }

    public Instant InstalledAt { get; set; }
}
