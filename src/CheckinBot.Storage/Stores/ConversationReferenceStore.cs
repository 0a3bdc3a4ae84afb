using CheckinBot.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage.Stores;

internal sealed class ConversationReferenceStore(CheckinDbContext db) : IConversationReferenceStore
{
    /// <remarks>
    /// One statement, one round trip, no change tracking: the row is inserted, or its data replaced when it differs; the
    /// same data writes nothing. On SQLite it waits for the file's other writers without a thread.
    /// </remarks>
    public Task SaveAsync(string platform, string workspaceId, string key, string data, CancellationToken cancellationToken) =>
        SqliteWriteGate.WriteAsync(db, token => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ConversationReferences" ("Platform", "WorkspaceId", "Key", "Data") VALUES ({platform}, {workspaceId}, {key}, {data})
            ON CONFLICT ("Platform", "WorkspaceId", "Key") DO UPDATE SET "Data" = excluded."Data"
            WHERE "ConversationReferences"."Data" <> excluded."Data"
            """, token), cancellationToken);

    public Task<string?> FindAsync(string platform, string workspaceId, string key, CancellationToken cancellationToken) =>
        db.ConversationReferences
            .Where(r => r.Platform == platform && r.WorkspaceId == workspaceId && r.Key == key)
            .Select(r => (string?)r.Data)
            .FirstOrDefaultAsync(cancellationToken);
}
