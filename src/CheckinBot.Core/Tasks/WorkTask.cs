using NodaTime;

namespace CheckinBot.Core.Tasks;

/// <summary>A piece of the VA's work in a collaboration: title, state, progress, deadline; and whether it is in her week plan.</summary>
public sealed class WorkTask
{
    /// <summary>A title is a line, not a paragraph.</summary>
    public const int MaxTitleLength = 200;

    public required Guid Id { get; init; }
    public required Guid CollaborationId { get; init; }
    public required string Title { get; set; }
    public TaskState State { get; set; }

    /// <summary>0 to 100.</summary>
    public int Progress { get; set; }

    /// <summary>The deadline, a local date in the collaboration's zone.</summary>
    public LocalDate? Due { get; set; }

    public string? BlockedReason { get; set; }

    /// <summary>True while the task is one of the items of the VA's current week plan.</summary>
    public bool InPlan { get; set; }

    public required Instant CreatedAt { get; init; }
    public Instant? StartedAt { get; set; }
    public Instant? DoneAt { get; set; }

    /// <summary>The last time the VA changed anything about it.</summary>
    public Instant UpdatedAt { get; set; }

    public static WorkTask New(Guid collaborationId, string title, TaskState state, Instant now) => new()
    {
        Id = Guid.NewGuid(),
        CollaborationId = collaborationId,
        Title = title,
        State = state,
        CreatedAt = now,
        UpdatedAt = now,
        StartedAt = state == TaskState.Started ? now : null,
    };

    public void Start(Instant now)
    {
        if (State != TaskState.Started)
        {
            StartedAt = now;
        }

        State = TaskState.Started;
        BlockedReason = null;
        DoneAt = null;
        UpdatedAt = now;
    }

    public void SetProgress(int percent, Instant now)
    {
        if (State is TaskState.Planned or TaskState.Done)
        {
            Start(now);
        }

        Progress = Math.Clamp(percent, 0, 100);
        UpdatedAt = now;
    }

    public void Finish(Instant now)
    {
        State = TaskState.Done;
        Progress = 100;
        BlockedReason = null;
        DoneAt = now;
        UpdatedAt = now;
    }

    public void Block(string reason, Instant now)
    {
        State = TaskState.Blocked;
        BlockedReason = reason;
        UpdatedAt = now;
    }
}
