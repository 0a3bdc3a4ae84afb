using CheckinBot.Core.Collaborations;
using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage.Stores;

internal sealed class CollaborationStore(CheckinDbContext db) : ICollaborationStore
{
    public Task<Collaboration?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Collaborations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<Collaboration?> FindByConversationAsync(string platform, string workspaceId, string conversationId, CancellationToken cancellationToken) =>
        db.Collaborations.FirstOrDefaultAsync(
            c => c.Platform == platform && c.WorkspaceId == workspaceId && c.ConversationId == conversationId, cancellationToken);

    public async Task<IReadOnlyList<Collaboration>> ListForPersonAsync(string platform, string workspaceId, string personId, CancellationToken cancellationToken) =>
        await db.Collaborations
            .Where(c => c.Platform == platform && c.WorkspaceId == workspaceId && (c.VaId == personId || c.ClientIds.Contains(personId)))
            .OrderBy(c => c.CreatedAt)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Collaboration>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Collaborations.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);

    public async Task AddAsync(Collaboration collaboration, CancellationToken cancellationToken)
    {
        db.Collaborations.Add(collaboration);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UpdateAsync(Collaboration collaboration, CancellationToken cancellationToken)
    {
        if (db.Entry(collaboration).State == EntityState.Detached)
        {
            db.Collaborations.Update(collaboration);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<Person?> FindPersonAsync(string platform, string workspaceId, string personId, CancellationToken cancellationToken) =>
        db.People.FirstOrDefaultAsync(p => p.Platform == platform && p.WorkspaceId == workspaceId && p.Id == personId, cancellationToken);

    public async Task<IReadOnlyList<Person>> GetPeopleAsync(string platform, string workspaceId, IReadOnlyCollection<string> personIds, CancellationToken cancellationToken) =>
        await db.People.AsNoTracking()
            .Where(p => p.Platform == platform && p.WorkspaceId == workspaceId && personIds.Contains(p.Id))
            .ToListAsync(cancellationToken);

    public async Task SavePersonAsync(Person person, CancellationToken cancellationToken)
    {
        if (db.Entry(person).State == EntityState.Detached)
        {
            var exists = await db.People.AsNoTracking().AnyAsync(
                p => p.Platform == person.Platform && p.WorkspaceId == person.WorkspaceId && p.Id == person.Id, cancellationToken);
            if (exists)
            {
                db.People.Update(person);
            }
            else
            {
                db.People.Add(person);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
