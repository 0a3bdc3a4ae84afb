using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;
using NodaTime;

namespace CheckinBot.Core.Tasks;

/// <summary>Use cases of the VA's task log: start, progress, done, block, tasks, and the week plan.</summary>
public sealed class TaskCommands(ITaskStore tasks)
    : ICommandHandler<StartTaskCommand>, ICommandHandler<ProgressCommand>, ICommandHandler<DoneCommand>, ICommandHandler<BlockCommand>,
        ICommandHandler<TasksCommand>, ICommandHandler<PlanCommand>
{
    /// <summary>How many tasks <c>tasks</c> lists.</summary>
    public const int MaxListed = 30;

    public bool OnlyReads(Command command) => command is TasksCommand;

    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, Command command, CancellationToken cancellationToken)
    {
        if (context.Side != Side.Va)
        {
            return [context.ToSender(context.Say("error.onlyVa"))];
        }

        var collaboration = context.Collaboration!;
        var all = (await tasks.ListAsync(collaboration.Id, cancellationToken)).ToList();
        var today = context.Now.InZone(DateTimeZoneProviders.Tzdb[collaboration.TimeZone]).Date;
        var step = new Step(context, collaboration, all, today);
        return command switch
        {
            StartTaskCommand start => await StartAsync(step, start, cancellationToken),
            ProgressCommand progress => await ChangeAsync(step, progress.Task, t => t.SetProgress(progress.Percent, context.Now), cancellationToken),
            DoneCommand done => await ChangeAsync(step, done.Task, t => t.Finish(context.Now), cancellationToken),
            BlockCommand block => await BlockAsync(step, block, cancellationToken),
            TasksCommand => [context.ToSender(List(step))],
            PlanCommand plan => await PlanAsync(step, plan, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
    }

    private async Task<IReadOnlyList<OutboundMessage>> StartAsync(Step step, StartTaskCommand start, CancellationToken cancellationToken)
    {
        var context = step.Context;
        LocalDate? due = null;
        if (start.Due is { } spec)
        {
            due = spec.Resolve(step.Today);
            if (due is null || due < step.Today)
            {
                return [context.ToSender(context.Say(due is null ? "problem.badDate" : "problem.datePast"))];
            }
        }

        // Starting a planned or blocked task by (part of) its title picks it up; anything else is a new task.
        var open = step.All.Where(t => t.State != TaskState.Done).ToList();
        var matches = TaskLog.Match(open, start.Title);
        var task = matches.Count == 1 ? matches[0] : null;
        if (task is null)
        {
            task = WorkTask.New(step.Collaboration.Id, start.Title.Trim(), TaskState.Started, context.Now);
        }
        else
        {
            task.Start(context.Now);
        }

        task.Due = due ?? task.Due;
        await tasks.SaveAsync([task], cancellationToken);
        return [context.ToSender(context.Say("task.startedReply", TaskLines.Describe(context.Language, task, step.Today)))];
    }

    private async Task<IReadOnlyList<OutboundMessage>> ChangeAsync(Step step, string typed, Action<WorkTask> change, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var matches = TaskLog.Match(step.All, typed);
        if (matches.Count != 1)
        {
            return [context.ToSender(NoSingleMatch(context, typed, matches))];
        }

        var task = matches[0];
        change(task);
        await tasks.SaveAsync([task], cancellationToken);
        return [context.ToSender(context.Say("task.changed", TaskLines.Describe(context.Language, task, step.Today)))];
    }

    private async Task<IReadOnlyList<OutboundMessage>> BlockAsync(Step step, BlockCommand block, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var (task, reason, candidates) = TaskLog.Split(step.All, block.Text);
        if (task is null)
        {
            return [context.ToSender(NoSingleMatch(context, block.Text, candidates))];
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return [context.ToSender(Usage.For(context, new InvalidCommand("block")))];
        }

        task.Block(reason, context.Now);
        await tasks.SaveAsync([task], cancellationToken);
        return [context.ToSender(context.Say("task.changed", TaskLines.Describe(context.Language, task, step.Today)))];
    }

    private static BotMessage List(Step step)
    {
        var context = step.Context;
        var shown = step.All
            .Where(t => t.State != TaskState.Done || t.DoneAt > context.Now - Duration.FromDays(7))
            .OrderBy(t => t.State switch { TaskState.Started => 0, TaskState.Blocked => 1, TaskState.Planned => 2, _ => 3 })
            .ThenBy(t => t.Due ?? LocalDate.MaxIsoValue)
            .Take(MaxListed)
            .Select(t => TaskLines.Describe(context.Language, t, step.Today))
            .ToList();
        return shown.Count == 0
            ? BotMessage.Of(MessageKind.Reply, context.Say("tasks.none"))
            : new BotMessage(MessageKind.Reply, context.Say("tasks.header"), shown, []);
    }

    private async Task<IReadOnlyList<OutboundMessage>> PlanAsync(Step step, PlanCommand plan, CancellationToken cancellationToken)
    {
        var context = step.Context;
        if (plan.Items is null)
        {
            return [context.ToSender(ShowPlan(step))];
        }

        var changed = new Dictionary<Guid, WorkTask>();
        foreach (var old in step.All.Where(t => t.InPlan))
        {
            old.InPlan = false;
            changed[old.Id] = old;
        }

        foreach (var item in plan.Items)
        {
            LocalDate? due = null;
            if (item.Due is { } spec && (due = spec.Resolve(step.Today)) is null)
            {
                return [context.ToSender(context.Say("problem.badDate", item.Title))];
            }

            // An item that names an existing open task (the same title) is that task; otherwise it is planned anew.
            var task = step.All.FirstOrDefault(t => t.State != TaskState.Done && SameTitle(t, item.Title))
                ?? step.All.FirstOrDefault(t => t.State == TaskState.Done && SameTitle(t, item.Title) && changed.ContainsKey(t.Id));
            if (task is null)
            {
                task = WorkTask.New(step.Collaboration.Id, item.Title.Trim(), TaskState.Planned, context.Now);
                step.All.Add(task);
            }

            task.InPlan = true;
            task.Due = due ?? task.Due;
            task.UpdatedAt = context.Now;
            changed[task.Id] = task;
        }

        await tasks.SaveAsync(changed.Values.ToList(), cancellationToken);
        return [context.ToSender(ShowPlan(step))];
    }

    private static BotMessage ShowPlan(Step step)
    {
        var context = step.Context;
        var items = new WorkLog(step.All, null).PlanItems.Select(t => TaskLines.PlanItem(context.Language, t, step.Today)).ToList();
        return items.Count == 0
            ? BotMessage.Of(MessageKind.Reply, context.Say("plan.none"))
            : new BotMessage(MessageKind.Reply, context.Say("plan.header"), items, []);
    }

    private static string NoSingleMatch(TurnContext context, string typed, IReadOnlyList<WorkTask> matches) =>
        matches.Count == 0
            ? context.Say("task.noMatch", typed)
            : context.Say("task.severalMatch", typed, string.Join(", ", matches.Select(t => $"‘{t.Title}’")));

    private static bool SameTitle(WorkTask task, string title) =>
        string.Equals(Words.Fold(task.Title), Words.Fold(title.Trim()), StringComparison.Ordinal);

    private sealed record Step(TurnContext Context, Collaboration Collaboration, List<WorkTask> All, LocalDate Today);
}
