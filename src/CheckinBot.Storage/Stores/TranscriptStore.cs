using System.Text.Json;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Transcripts;
using CheckinBot.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage.Stores;

internal sealed class TranscriptStore(CheckinDbContext db) : ITranscriptStore
{
    public async Task<TranscriptEntry> AppendAsync(TranscriptEntry entry, int keep, CancellationToken cancellationToken)
    {
        var row = new TranscriptRow
        {
            Conversation = entry.Conversation,
            At = entry.At,
            From = entry.From,
            Text = entry.Text,
            VisibleTo = entry.VisibleTo,
            Kind = entry.Kind,
            ThreadId = entry.ThreadId,
            OccurrenceKey = entry.OccurrenceKey,
            Buttons = entry.Buttons is { Count: > 0 } buttons ? JsonSerializer.Serialize(buttons) : null,
        };
        db.Transcript.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(row).State = EntityState.Detached;

        // Ids only grow, so everything at or below id - keep is older than the newest "keep" entries.
        var oldest = row.Id - keep;
        await db.Transcript.Where(t => t.Id <= oldest).ExecuteDeleteAsync(cancellationToken);
        return entry with { Id = row.Id };
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ListAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.Transcript.AsNoTracking().Where(t => t.Id > afterId).OrderBy(t => t.Id).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(Entry);
    }

    public async Task<TranscriptEntry?> FindAsync(long id, CancellationToken cancellationToken) =>
        await db.Transcript.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is { } row ? Entry(row) : null;

    public async Task<TranscriptEntry?> FindByOccurrenceAsync(string occurrenceKey, CancellationToken cancellationToken) =>
        await db.Transcript.AsNoTracking().FirstOrDefaultAsync(t => t.OccurrenceKey == occurrenceKey, cancellationToken) is { } row ? Entry(row) : null;

    private static TranscriptEntry Entry(TranscriptRow row) =>
        new(row.Id, row.Conversation, row.At, row.From, row.Text, row.VisibleTo, row.Kind, row.ThreadId, row.OccurrenceKey,
            row.Buttons is null ? null : JsonSerializer.Deserialize<List<MessageButton>>(row.Buttons));
}
