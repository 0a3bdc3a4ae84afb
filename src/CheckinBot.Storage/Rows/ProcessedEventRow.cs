namespace CheckinBot.Storage.Rows;

internal sealed class ProcessedEventRow
{
    public string Platform { get; set; } = "";
    public string EventId { get; set; } = "";
    public NodaTime.Instant At { get; set; }

    /// <summary>While a turn runs: until when its claim holds. Null once the turn's effects are stored.</summary>
    public NodaTime.Instant? LeaseUntil { get; set; }
}
