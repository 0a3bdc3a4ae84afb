using NodaTime;

namespace CheckinBot.Core.Tasks;

/// <summary>What an update is composed from: the collaboration's tasks, and when its last update went out.</summary>
/// <param name="Tasks">Open tasks, and done ones (those done before <paramref name="LastUpdate"/> are left out of the update).</param>
/// <param name="LastUpdate">When the last update was posted; null before the first.</param>
public sealed record WorkLog(IReadOnlyList<WorkTask> Tasks, Instant? LastUpdate)
{
    public static readonly WorkLog Empty = new([], null);

    /// <summary>Tasks done since the last update, in the order they were done.</summary>
    public IEnumerable<WorkTask> DoneSince => Tasks
        .Where(t => t.State == TaskState.Done && (LastUpdate is null || t.DoneAt > LastUpdate))
        .OrderBy(t => t.DoneAt);

    /// <summary>The items of the week plan, deadlines first.</summary>
    public IEnumerable<WorkTask> PlanItems => Tasks.Where(t => t.InPlan).OrderBy(t => t.Due ?? LocalDate.MaxIsoValue).ThenBy(t => t.CreatedAt);

    /// <summary>Planned tasks in the order they come up: by deadline, then as they were added.</summary>
    public IEnumerable<WorkTask> NextUp => Tasks
        .Where(t => t.State == TaskState.Planned)
        .OrderBy(t => t.Due ?? LocalDate.MaxIsoValue).ThenBy(t => t.CreatedAt);
}
