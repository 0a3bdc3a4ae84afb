namespace CheckinBot.Core.Workspaces;

/// <summary>
/// Port: what an adapter must remember to reach a conversation later (Teams' service URL and conversation, a Slack
/// direct-message channel), as an opaque blob the adapter reads and writes.
/// </summary>
public interface IConversationReferenceStore
{
    /// <summary>Saves the reference under a key of the adapter's choosing (a conversation id, "dm:" + person id).</summary>
    Task SaveAsync(string platform, string workspaceId, string key, string data, CancellationToken cancellationToken);

    Task<string?> FindAsync(string platform, string workspaceId, string key, CancellationToken cancellationToken);
}
