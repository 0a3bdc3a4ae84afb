using CheckinBot.Core.Workspaces;
using CheckinBot.Testing;

namespace CheckinBot.Testing.Teams;

/// <summary>The shared in-memory reference store, counting the reads and writes that reach it.</summary>
public sealed class CountingReferenceStore : IConversationReferenceStore
{
    private readonly InMemoryConversationReferences inner = new();

    public int Reads { get; private set; }

    public int Writes { get; private set; }

    public Task SaveAsync(string platform, string workspaceId, string key, string data, CancellationToken cancellationToken)
    {
        Writes++;
        return inner.SaveAsync(platform, workspaceId, key, data, cancellationToken);
    }

    public Task<string?> FindAsync(string platform, string workspaceId, string key, CancellationToken cancellationToken)
    {
        Reads++;
        return inner.FindAsync(platform, workspaceId, key, cancellationToken);
    }
}
