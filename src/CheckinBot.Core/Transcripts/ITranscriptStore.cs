namespace CheckinBot.Core.Transcripts;

/// <summary>Port: the stored transcript of a chat that the bot hosts itself (the playground).</summary>
public interface ITranscriptStore
{
    /// <summary>
    /// Appends an entry (its id is assigned) and returns it with its id; the oldest entries go so that at most
    /// <paramref name="keep"/> remain.
    /// </summary>
    Task<TranscriptEntry> AppendAsync(TranscriptEntry entry, int keep, CancellationToken cancellationToken);

    /// <summary>At most <paramref name="limit"/> entries with an id above <paramref name="afterId"/>, oldest first.</summary>
    Task<IReadOnlyList<TranscriptEntry>> ListAsync(long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>The entry with this id, if any.</summary>
    Task<TranscriptEntry?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>The entry posted for an occurrence, if any.</summary>
    Task<TranscriptEntry?> FindByOccurrenceAsync(string occurrenceKey, CancellationToken cancellationToken);
}
