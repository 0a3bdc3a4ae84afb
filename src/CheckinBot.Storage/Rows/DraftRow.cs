namespace CheckinBot.Storage.Rows;

internal sealed class DraftRow
{
    public Guid CollaborationId { get; set; }
    public string Text { get; set; } = "";
    public NodaTime.Instant UpdatedAt { get; set; }
}
