using CheckinBot.Core.Texts;
using NodaTime;

namespace CheckinBot.Core.Tasks;

/// <summary>One task as a line of an update, a reminder or the task list, in a language.</summary>
public static class TaskLines
{
    public static string Describe(string language, WorkTask task, LocalDate today)
    {
        var due = task.Due is { } date ? TimeWords.Deadline(language, date, today) : null;
        return task.State switch
        {
            TaskState.Done => Localizer.Get(language, "task.done", task.Title),
            TaskState.Blocked => string.IsNullOrWhiteSpace(task.BlockedReason)
                ? Localizer.Get(language, "task.blockedNoReason", task.Title)
                : Localizer.Get(language, "task.blocked", task.Title, task.BlockedReason),
            TaskState.Started => (task.Progress > 0, due) switch
            {
                (true, { } d) => Localizer.Get(language, "task.startedProgressDue", task.Title, task.Progress, d),
                (true, null) => Localizer.Get(language, "task.startedProgress", task.Title, task.Progress),
                (false, { } d) => Localizer.Get(language, "task.startedDue", task.Title, d),
                _ => Localizer.Get(language, "task.started", task.Title),
            },
            _ => due is { } d2 ? Localizer.Get(language, "task.plannedDue", task.Title, d2) : Localizer.Get(language, "task.planned", task.Title),
        };
    }

    /// <summary>"Newsletter PDF is due tomorrow." for an open task whose deadline is today or tomorrow; null otherwise.</summary>
    public static string? DueSoon(string language, WorkTask task, LocalDate today) =>
        task.State == TaskState.Done || task.Due is not { } due ? null
        : due == today ? Localizer.Get(language, "task.dueToday", task.Title)
        : due == today.PlusDays(1) ? Localizer.Get(language, "task.dueTomorrow", task.Title)
        : null;

    /// <summary>A week plan item: done or not, with its deadline.</summary>
    public static string PlanItem(string language, WorkTask task, LocalDate today) =>
        task.State == TaskState.Done ? Localizer.Get(language, "plan.itemDone", task.Title)
        : task.Due is { } due ? Localizer.Get(language, "plan.itemDue", task.Title, TimeWords.Deadline(language, due, today))
        : Localizer.Get(language, "plan.item", task.Title);
}
