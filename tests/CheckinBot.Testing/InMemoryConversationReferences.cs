using System.Collections.Concurrent;
using CheckinBot.Core.Workspaces;

namespace CheckinBot.Testing;

public sealed class InMemoryConversationReferences : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<(string, string, string), string> saved = new();

    public Task SaveAsync(string platform, string workspaceId, string key, string data, CancellationToken cancellationToken)
    {
        saved[(platform, workspaceId, key)] = data;
        return Task.CompletedTask;
    }

    public Task<string?> FindAsync(string platform, string workspaceId, string key, CancellationToken cancellationToken) =>
        Task.FromResult(saved.TryGetValue((platform, workspaceId, key), out var data) ? data : null);
}
