namespace CheckinBot.Storage.Rows;

internal sealed class ProcessedEventRow
{
    public string Platform { get; set; } = "";
    public string EventId { get; set; } = "";
    public NodaTime.Instant At { get; set; }
}
