using CheckinBot.Core.Transcripts;
using CheckinBot.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage.Stores;

internal sealed class TranscriptStore(CheckinDbContext db) : ITranscriptStore
{
    public async Task<TranscriptEntry> AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken)
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
        };
        db.Transcript.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(row).State = EntityState.Detached;
        return entry with { Id = row.Id };
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ListAsync(long afterId, CancellationToken cancellationToken) =>
        await db.Transcript.AsNoTracking()
            .Where(t => t.Id > afterId)
            .OrderBy(t => t.Id)
            .Select(t => new TranscriptEntry(t.Id, t.Conversation, t.At, t.From, t.Text, t.VisibleTo, t.Kind, t.ThreadId, t.OccurrenceKey))
            .ToListAsync(cancellationToken);

    public async Task<TranscriptEntry?> FindByOccurrenceAsync(string occurrenceKey, CancellationToken cancellationToken) =>
        await db.Transcript.AsNoTracking()
            .Where(t => t.OccurrenceKey == occurrenceKey)
            .Select(t => new TranscriptEntry(t.Id, t.Conversation, t.At, t.From, t.Text, t.VisibleTo, t.Kind, t.ThreadId, t.OccurrenceKey))
            .FirstOrDefaultAsync(cancellationToken);
}
