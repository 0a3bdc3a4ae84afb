namespace CheckinBot.Storage.Rows;

internal sealed class TranscriptRow
{
    public long Id { get; set; }
    public string Conversation { get; set; } = "";
    public NodaTime.Instant At { get; set; }
    public string From { get; set; } = "";
    public string Text { get; set; } = "";
    public string VisibleTo { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? ThreadId { get; set; }
    public string? OccurrenceKey { get; set; }

    /// <summary>The buttons under a bot message, as JSON; null when it has none.</summary>
    public string? Buttons { get; set; }
}
