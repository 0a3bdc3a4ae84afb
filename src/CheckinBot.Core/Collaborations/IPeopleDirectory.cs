using CheckinBot.Core.Conversations;

namespace CheckinBot.Core.Collaborations;

/// <summary>
/// Port: what a chat platform's directory says of a person (name, zone, language, whether a bot), offered by the
/// adapter of platforms whose turns do not carry it (Slack). The adapter may remember answers for a while.
/// </summary>
public interface IPeopleDirectory
{
    /// <summary>The platform whose people this directory knows.</summary>
    string Platform { get; }

    /// <summary>The person's profile, or null when the platform could not say.</summary>
    Task<ChatPerson?> FindAsync(string workspaceId, string personId, CancellationToken cancellationToken);
}
