namespace CheckinBot.Core.Workspaces;

/// <summary>Port: installations into workspaces; tokens are encrypted at rest by the implementation.</summary>
public interface IInstallationStore
{
    Task<Installation?> FindAsync(string platform, string workspaceId, CancellationToken cancellationToken);

    Task SaveAsync(Installation installation, CancellationToken cancellationToken);

    Task RemoveAsync(string platform, string workspaceId, CancellationToken cancellationToken);
}
