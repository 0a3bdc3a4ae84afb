namespace CheckinBot.Core.Tasks;

/// <summary>Where a task of the VA stands.</summary>
public enum TaskState
{
    Planned,
    Started,
    Blocked,
    Done,
}
