using CheckinBot.Core.Conversations;

namespace CheckinBot.Slack.Receiving;

/// <summary>What a verified Slack request leaves to be done after it is acknowledged.</summary>
public abstract record SlackWork
{
    /// <summary>A turn for the core, to be completed with the person's Slack profile first.</summary>
    public sealed record Turn(ChatTurn Value) : SlackWork;

    /// <summary>The app was uninstalled or its bot token revoked in a workspace.</summary>
    public sealed record Uninstall(string WorkspaceId, string? EventId) : SlackWork;
}
