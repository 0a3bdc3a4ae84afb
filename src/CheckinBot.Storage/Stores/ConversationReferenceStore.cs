using CheckinBot.Core.Workspaces;
using CheckinBot.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage.Stores;

internal sealed class ConversationReferenceStore(CheckinDbContext db) : IConversationReferenceStore
{
    public async Task SaveAsync(string platform, string workspaceId, string key, string data, CancellationToken cancellationToken)
    {
        var row = await db.ConversationReferences.FirstOrDefaultAsync(
            r => r.Platform == platform && r.WorkspaceId == workspaceId && r.Key == key, cancellationToken);
        if (row is null)
        {
            db.ConversationReferences.Add(new ConversationReferenceRow { Platform = platform, WorkspaceId = workspaceId, Key = key, Data = data });
        }
        else if (row.Data == data)
        {
            return;
        }
        else
        {
            row.Data = data;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<string?> FindAsync(string platform, string workspaceId, string key, CancellationToken cancellationToken) =>
        (await db.ConversationReferences.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Platform == platform && r.WorkspaceId == workspaceId && r.Key == key, cancellationToken))?.Data;
}
