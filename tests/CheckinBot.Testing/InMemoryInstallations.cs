using System.Collections.Concurrent;
using CheckinBot.Core.Workspaces;

namespace CheckinBot.Testing;

public sealed class InMemoryInstallations : IInstallationStore
{
    public ConcurrentDictionary<(string Platform, string Workspace), Installation> All { get; } = new();

    public Task<Installation?> FindAsync(string platform, string workspaceId, CancellationToken cancellationToken) =>
        Task.FromResult(All.TryGetValue((platform, workspaceId), out var found) ? found : null);

    public Task SaveAsync(Installation installation, CancellationToken cancellationToken)
    {
        All[(installation.Platform, installation.WorkspaceId)] = installation;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string platform, string workspaceId, CancellationToken cancellationToken)
    {
        All.TryRemove((platform, workspaceId), out _);
        return Task.CompletedTask;
    }
}
