namespace CheckinBot.Core.Occurrences;

/// <summary>Where the VA's reminder before an occurrence stands.</summary>
public enum ReminderStatus
{
    Pending,
    Sent,
    NotSent,
}
