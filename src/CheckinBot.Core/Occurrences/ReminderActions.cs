using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>
/// Use cases behind the reminder's buttons, also typed as commands: post the update now, remind again in 30 minutes,
/// skip this one. A button names its occurrence; a typed command means the next one.
/// </summary>
public sealed class ReminderActions(
    IOccurrenceLedger ledger,
    IRhythmStore rhythms,
    ICollaborationStore collaborations,
    Schedule schedule,
    OccurrenceDelivery delivery,
    DeliveryOptions options)
    : ICommandHandler<PostNowCommand>, ICommandHandler<SnoozeCommand>, ICommandHandler<SkipOccurrenceCommand>
{
    public static readonly Duration SnoozeFor = Duration.FromMinutes(30);

    /// <summary>Reminder buttons name their occurrence, whose collaboration may not be the one this conversation finds.</summary>
    public bool NeedsMembership(Command command) =>
        command is not (PostNowCommand { OccurrenceId: not null } or SnoozeCommand { OccurrenceId: not null } or SkipOccurrenceCommand);

    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, Command command, CancellationToken cancellationToken)
    {
        var named = command switch
        {
            PostNowCommand post => post.OccurrenceId,
            SnoozeCommand snooze => snooze.OccurrenceId,
            SkipOccurrenceCommand skip => skip.OccurrenceId,
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };

        var (here, occurrence) = await FindAsync(context, named, cancellationToken);
        if (here is null)
        {
            return [context.ToSender(context.Say("error.noCollaboration"))];
        }

        if (here.Side != Side.Va)
        {
            return [here.ToSender(here.Say("error.onlyVa"))];
        }

        if (occurrence is null || occurrence.Status != OccurrenceStatus.Pending)
        {
            return [here.ToSender(here.Say(occurrence is null ? "status.noNext" : "reminder.gone"))];
        }

        return command switch
        {
            PostNowCommand => await PostNowAsync(here, occurrence, cancellationToken),
            SnoozeCommand => await SnoozeAsync(here, occurrence, cancellationToken),
            _ => await SkipAsync(here, occurrence, cancellationToken),
        };
    }

    private async Task<IReadOnlyList<OutboundMessage>> PostNowAsync(TurnContext context, Occurrence occurrence, CancellationToken cancellationToken) =>
        await delivery.PostNowAsync(occurrence.Id, context.Now, cancellationToken)
            ? [context.ToSender(context.Say("reminder.posted"))]
            : [context.ToSender(context.Say("reminder.gone"))];

    private async Task<IReadOnlyList<OutboundMessage>> SnoozeAsync(TurnContext context, Occurrence occurrence, CancellationToken cancellationToken)
    {
        var at = context.Now + SnoozeFor;
        var due = TimeWords.Moment(context.Language, occurrence.Due, context.Now, context.Zone);
        if (at >= occurrence.Due)
        {
            return [context.ToSender(context.Say("reminder.tooLate", due))];
        }

        await ledger.RemindAgainAsync(occurrence.Id, at, cancellationToken);
        return [context.ToSender(context.Say("reminder.snoozed", TimeWords.Moment(context.Language, at, context.Now, context.Zone), due))];
    }

    private async Task<IReadOnlyList<OutboundMessage>> SkipAsync(TurnContext context, Occurrence occurrence, CancellationToken cancellationToken)
    {
        var collaboration = context.Collaboration!;
        var rhythm = (await rhythms.ListByCollaborationAsync(collaboration.Id, cancellationToken)).First(r => r.Id == occurrence.RhythmId);
        rhythm.RecordSkip(context.Person.Id, context.Now, occurrence.Due);
        await ledger.SkipAsync(new OccurrenceSeed(rhythm.Id, collaboration.Id, occurrence.Due, occurrence.RemindAt, OccurrenceStatus.Skipped), cancellationToken);
        await rhythms.SaveAsync([rhythm], cancellationToken);

        var language = collaboration.Language;
        var zone = DateTimeZoneProviders.Tzdb[collaboration.TimeZone];
        var text = Localizer.Get(language, "skip.done", context.Name, Localizer.Get(language, "kind." + rhythm.Kind),
            TimeWords.Moment(language, occurrence.Due, context.Now, zone));
        return [context.ToChannel(BotMessage.Of(MessageKind.Notice, text))];
    }

    /// <summary>The occurrence meant and a context on its collaboration (a button may come from a direct conversation).</summary>
    private async Task<(TurnContext? Context, Occurrence? Occurrence)> FindAsync(TurnContext context, Guid? occurrenceId, CancellationToken cancellationToken)
    {
        if (occurrenceId is { } id)
        {
            var occurrence = await ledger.GetAsync(id, cancellationToken);
            if (occurrence is null)
            {
                return (context.Collaboration is null ? null : context, null);
            }

            var collaboration = occurrence.CollaborationId == context.Collaboration?.Id
                ? context.Collaboration
                : await collaborations.GetAsync(occurrence.CollaborationId, cancellationToken);
            if (collaboration is null || collaboration.Platform != context.Turn.Platform || collaboration.WorkspaceId != context.Turn.WorkspaceId)
            {
                return (null, null);
            }

            return (new TurnContext { Turn = context.Turn, Person = context.Person, Now = context.Now, Collaboration = collaboration }, occurrence);
        }

        if (context.Collaboration is not { } here)
        {
            return (null, null);
        }

        if (await schedule.NextAsync(here.Id, context.Now, cancellationToken) is not { } next)
        {
            return (context, null);
        }

        // The planner writes only the coming minutes; an occurrence further ahead is written now so it can be acted on.
        await ledger.AddMissingAsync([new OccurrenceSeed(next.Rhythm.Id, here.Id, next.Due, next.Due - options.ReminderLead)], cancellationToken);
        return (context, await ledger.FindAsync(next.Rhythm.Id, next.Due, cancellationToken));
    }
}
