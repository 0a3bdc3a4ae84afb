using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Tasks;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>Use cases: <c>status</c> (the task in progress, the last and the next update) and <c>next</c> (only the next).</summary>
public sealed class StatusCommands(Schedule schedule, IOccurrenceLedger ledger, ITaskStore tasks, ICollaborationStore collaborations)
    : ICommandHandler<StatusCommand>, ICommandHandler<NextCommand>
{
    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, Command command, CancellationToken cancellationToken)
    {
        var collaboration = context.Collaboration!;
        var lines = new List<string>();
        if (command is StatusCommand)
        {
            lines.Add(await CurrentTaskLineAsync(context, cancellationToken));
            var last = await ledger.LastPostedAsync(collaboration.Id, cancellationToken);
            lines.Add(last?.PostedAt is { } at
                ? context.Say("status.last", TimeWords.Moment(context.Language, at, context.Now, context.Zone), last.Summary)
                : context.Say("status.noLast"));
        }

        lines.Add(await NextLineAsync(context, cancellationToken));
        return [context.ToSender(new BotMessage(MessageKind.Reply, null, lines, []))];
    }

    public bool OnlyReads(Command command) => true;

    /// <summary>"Ina is working on ‘Newsletter PDF’ since today at 09:12 (60%, due Thursday)." or that nothing is in progress.</summary>
    public async Task<string> CurrentTaskLineAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var collaboration = context.Collaboration!;
        var vaName = collaboration.VaId == context.Person.Id ? context.Name : await VaNameAsync(context, cancellationToken);
        var current = await tasks.CurrentAsync(collaboration.Id, cancellationToken);
        if (current is null)
        {
            return context.Say("status.noTask", vaName);
        }

        var since = TimeWords.Moment(context.Language, current.StartedAt ?? current.UpdatedAt, context.Now, context.Zone);
        var today = context.Now.InZone(DateTimeZoneProviders.Tzdb[collaboration.TimeZone]).Date;
        var due = current.Due is { } d ? TimeWords.Deadline(context.Language, d, today) : null;
        return (current.Progress > 0, due) switch
        {
            (true, { } dd) => context.Say("status.taskProgressDue", vaName, current.Title, since, current.Progress, dd),
            (true, null) => context.Say("status.taskProgress", vaName, current.Title, since, current.Progress),
            (false, { } dd) => context.Say("status.taskDue", vaName, current.Title, since, dd),
            _ => context.Say("status.task", vaName, current.Title, since),
        };
    }

    /// <summary>"Next update: today at 17:00 (in 2 hours)." in the sender's zone and language.</summary>
    public async Task<string> NextLineAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var next = await schedule.NextAsync(context.Collaboration!.Id, context.Now, cancellationToken);
        return next is { } n
            ? context.Say("status.next", $"{TimeWords.Moment(context.Language, n.Due, context.Now, context.Zone)} ({TimeWords.Relative(context.Language, n.Due - context.Now)})")
            : context.Say("status.noNext");
    }

    private async Task<string> VaNameAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var collaboration = context.Collaboration!;
        var va = await collaborations.FindPersonAsync(collaboration.Platform, collaboration.WorkspaceId, collaboration.VaId, cancellationToken);
        return string.IsNullOrEmpty(va?.DisplayName) ? collaboration.VaId : va.DisplayName;
    }
}
