using CheckinBot.Core.Workspaces;
using CheckinBot.Storage.Rows;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Stores;

internal sealed class OAuthStateStore(CheckinDbContext db) : IOAuthStateStore
{
    public async Task AddAsync(string hash, Instant expiresAt, Instant now, CancellationToken cancellationToken)
    {
        // Pruned on every install, so no one can fill the table: it holds at most ten minutes of installs.
        await db.OAuthStates.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var row = new OAuthStateRow { Hash = hash, ExpiresAt = expiresAt };
        db.OAuthStates.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(row).State = EntityState.Detached;
    }

    public async Task<bool> TryConsumeAsync(string hash, Instant now, CancellationToken cancellationToken) =>
        await db.OAuthStates.Where(s => s.Hash == hash && s.ExpiresAt > now).ExecuteDeleteAsync(cancellationToken) == 1;
}
