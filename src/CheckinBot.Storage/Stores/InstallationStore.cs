using CheckinBot.Core.Workspaces;
using CheckinBot.Storage.Rows;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage.Stores;

/// <summary>Installations with their bot tokens encrypted at rest by ASP.NET Core Data Protection.</summary>
internal sealed class InstallationStore(CheckinDbContext db, IDataProtectionProvider protection) : IInstallationStore
{
    private readonly IDataProtector protector = protection.CreateProtector("CheckinBot.Installations.BotToken.v1");

    public async Task<Installation?> FindAsync(string platform, string workspaceId, CancellationToken cancellationToken)
    {
        var row = await db.Installations.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Platform == platform && i.WorkspaceId == workspaceId, cancellationToken);
        return row is null
            ? null
            : new Installation
            {
                Platform = row.Platform,
                WorkspaceId = row.WorkspaceId,
                WorkspaceName = row.WorkspaceName,
                BotUserId = row.BotUserId,
                BotToken = protector.Unprotect(row.ProtectedBotToken),
                InstalledAt = row.InstalledAt,
            };
    }

    public async Task SaveAsync(Installation installation, CancellationToken cancellationToken)
    {
        var row = await db.Installations.FirstOrDefaultAsync(
            i => i.Platform == installation.Platform && i.WorkspaceId == installation.WorkspaceId, cancellationToken);
        if (row is null)
        {
            row = new InstallationRow { Platform = installation.Platform, WorkspaceId = installation.WorkspaceId };
            db.Installations.Add(row);
        }

        row.WorkspaceName = installation.WorkspaceName;
        row.BotUserId = installation.BotUserId;
        row.ProtectedBotToken = protector.Protect(installation.BotToken);
        row.InstalledAt = installation.InstalledAt;
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task RemoveAsync(string platform, string workspaceId, CancellationToken cancellationToken) =>
        db.Installations.Where(i => i.Platform == platform && i.WorkspaceId == workspaceId).ExecuteDeleteAsync(cancellationToken);
}
