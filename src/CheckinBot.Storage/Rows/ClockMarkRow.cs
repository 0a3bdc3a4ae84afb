namespace CheckinBot.Storage.Rows;

internal sealed class ClockMarkRow
{
    public int Id { get; set; }
    public NodaTime.Instant TravelledTo { get; set; }
}
