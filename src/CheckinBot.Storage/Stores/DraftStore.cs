using CheckinBot.Core.Drafts;
using CheckinBot.Storage.Rows;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Stores;

internal sealed class DraftStore(CheckinDbContext db) : IDraftStore
{
    public async Task<string?> GetAsync(Guid collaborationId, CancellationToken cancellationToken) =>
        (await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.CollaborationId == collaborationId, cancellationToken))?.Text;

    public async Task<IReadOnlyDictionary<Guid, string>> GetManyAsync(IReadOnlyCollection<Guid> collaborationIds, CancellationToken cancellationToken) =>
        await db.Drafts.AsNoTracking()
            .Where(d => collaborationIds.Contains(d.CollaborationId))
            .ToDictionaryAsync(d => d.CollaborationId, d => d.Text, cancellationToken);

    public async Task SetAsync(Guid collaborationId, string text, Instant at, CancellationToken cancellationToken)
    {
        var row = await db.Drafts.FirstOrDefaultAsync(d => d.CollaborationId == collaborationId, cancellationToken);
        if (row is null)
        {
            db.Drafts.Add(new DraftRow { CollaborationId = collaborationId, Text = text, UpdatedAt = at });
        }
        else
        {
            row.Text = text;
            row.UpdatedAt = at;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task ClearAsync(Guid collaborationId, Instant postedAt, CancellationToken cancellationToken) =>
        db.Drafts.Where(d => d.CollaborationId == collaborationId && d.UpdatedAt <= postedAt).ExecuteDeleteAsync(cancellationToken);
}
