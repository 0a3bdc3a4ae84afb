namespace CheckinBot.Core.Occurrences;

/// <summary>Where an occurrence stands in delivery.</summary>
public enum OccurrenceStatus
{
    Pending,
    Posted,
    Missed,
    Skipped,
    Cancelled,
}
