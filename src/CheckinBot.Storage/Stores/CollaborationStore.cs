using System.Collections.Concurrent;
using CheckinBot.Core.Collaborations;
using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage.Stores;

internal sealed class CollaborationStore(CheckinDbContext db) : ICollaborationStore
{
    // The two reads every turn makes, compiled once per provider's context type (a compiled query keeps the SQL of the
    // first context it ran on): EF otherwise builds a cache key from the expression tree on each call, which cost more
    // processor time than the query itself.
    private static readonly ConcurrentDictionary<Type, Func<CheckinDbContext, string, string, string, CancellationToken, Task<Collaboration?>>> ByConversation = new();
    private static readonly ConcurrentDictionary<Type, Func<CheckinDbContext, string, string, string, CancellationToken, Task<Person?>>> PersonById = new();

    public Task<Collaboration?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Collaborations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<Collaboration?> FindByConversationAsync(string platform, string workspaceId, string conversationId, CancellationToken cancellationToken) =>
        ByConversation.GetOrAdd(db.GetType(), static _ => EF.CompileAsyncQuery(
            (CheckinDbContext context, string platform, string workspaceId, string conversationId, CancellationToken _) =>
                context.Collaborations.FirstOrDefault(c => c.Platform == platform && c.WorkspaceId == workspaceId && c.ConversationId == conversationId)))
            (db, platform, workspaceId, conversationId, cancellationToken);

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
        PersonById.GetOrAdd(db.GetType(), static _ => EF.CompileAsyncQuery(
            (CheckinDbContext context, string platform, string workspaceId, string personId, CancellationToken _) =>
                context.People.FirstOrDefault(p => p.Platform == platform && p.WorkspaceId == workspaceId && p.Id == personId)))
            (db, platform, workspaceId, personId, cancellationToken);

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

    /// <remarks>
    /// One read of which of them are stored, then one transaction for all; on SQLite it waits for the file's other
    /// writers without a thread.
    /// </remarks>
    public async Task SavePeopleAsync(IReadOnlyCollection<Person> people, CancellationToken cancellationToken)
    {
        foreach (var workspace in people.Where(p => db.Entry(p).State == EntityState.Detached).GroupBy(p => (p.Platform, p.WorkspaceId)))
        {
            var ids = workspace.Select(p => p.Id).ToList();
            var stored = (await db.People.AsNoTracking()
                    .Where(p => p.Platform == workspace.Key.Platform && p.WorkspaceId == workspace.Key.WorkspaceId && ids.Contains(p.Id))
                    .Select(p => p.Id)
                    .ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var person in workspace.DistinctBy(p => p.Id, StringComparer.Ordinal))
            {
                if (stored.Contains(person.Id))
                {
                    db.People.Update(person);
                }
                else
                {
                    db.People.Add(person);
                }
            }
        }

        await SqliteWriteGate.WriteAsync(db, db.SaveChangesAsync, cancellationToken);
    }
}
