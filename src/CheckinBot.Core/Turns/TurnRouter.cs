using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Drafts;
using CheckinBot.Core.Focus;
using CheckinBot.Core.Health;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Pings;
using CheckinBot.Core.Privacy;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Tasks;
using NodaTime;

namespace CheckinBot.Core.Turns;

/// <summary>
/// The core's entry for every inbound turn: knows the person, finds the collaboration, and hands the turn to the use case.
/// </summary>
public sealed class TurnRouter(
    ICollaborationStore collaborations,
    CollaborationCommands collaborationCommands,
    AgreementCommands agreementCommands,
    StatusCommands statusCommands,
    DraftCommands draftCommands,
    TaskCommands taskCommands,
    FocusCommands focusCommands,
    ReminderActions reminderActions,
    PrivacyCommands privacyCommands,
    IMessageHandler messages,
    HealthCommands healthCommands,
    UrgentEscalation urgentEscalation,
    TimeProvider time)
{
    /// <summary>Answers a turn with the messages it causes; the caller posts them.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Person.IsBot)
        {
            return [];
        }

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var person = await RememberAsync(turn, cancellationToken);
        var collaboration = await FindCollaborationAsync(turn, cancellationToken);
        var context = new TurnContext { Turn = turn, Person = person, Now = now, Collaboration = collaboration };

        return turn.Kind switch
        {
            TurnKind.Command => await RunAsync(context, CommandParser.Parse(turn.Text), cancellationToken),
            TurnKind.Action => ActionCommand(turn) is { } command ? await RunAsync(context, command, cancellationToken) : [],
            TurnKind.Message => collaboration is null && !turn.IsDirect ? [] : await messages.HandleAsync(context, cancellationToken),
            TurnKind.Install => [context.ToConversation(Usage.Help(context))],
            _ => [],
        };
    }

    /// <summary>The one line for a turn that lost a race with another turn twice: nothing was done, try again.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> AnswerConcurrentChangeAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var person = await collaborations.FindPersonAsync(turn.Platform, turn.WorkspaceId, turn.Person.Id, cancellationToken)
            ?? new Person { Platform = turn.Platform, WorkspaceId = turn.WorkspaceId, Id = turn.Person.Id, Language = turn.Person.Language };
        var context = new TurnContext
        {
            Turn = turn,
            Person = person,
            Now = Instant.FromDateTimeOffset(time.GetUtcNow()),
            Collaboration = await FindCollaborationAsync(turn, cancellationToken),
        };
        return [context.ToSender(context.Say("error.concurrentChange"))];
    }

    private async Task<IReadOnlyList<OutboundMessage>> RunAsync(TurnContext context, Command command, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case HelpCommand:
                return [context.ToSender(Usage.Help(context))];
            case InvalidCommand invalid:
                return [context.ToSender(Usage.For(context, invalid))];
            case SetupCommand setup:
                return await collaborationCommands.SetupAsync(context, setup, cancellationToken);
            case LanguageCommand or TimeZoneCommand:
                return await collaborationCommands.PersonalAsync(context, command, cancellationToken);
            case ForgetCommand forget:
                // Anyone may ask to be forgotten, in or out of a collaboration.
                return await privacyCommands.ForgetAsync(context, forget, cancellationToken);
            case PostNowCommand { OccurrenceId: not null } or SnoozeCommand { OccurrenceId: not null } or SkipOccurrenceCommand:
                // Reminder buttons name their occurrence, whose collaboration may not be the one this conversation finds.
                return await reminderActions.HandleAsync(context, command, cancellationToken);
        }

        // Everything else works on a collaboration the sender is in.
        if (context.Collaboration is null)
        {
            return [context.ToSender(context.Say("error.noCollaboration"))];
        }

        if (context.Side is null)
        {
            return [context.ToSender(context.Say("error.notAMember"))];
        }

        return command switch
        {
            StatusCommand or NextCommand => await statusCommands.HandleAsync(context, command, cancellationToken),
            DraftCommand draft => await draftCommands.HandleAsync(context, draft, cancellationToken),
            StartTaskCommand or ProgressCommand or DoneCommand or BlockCommand or TasksCommand or PlanCommand =>
                await taskCommands.HandleAsync(context, command, cancellationToken),
            FocusCommand focus => await focusCommands.HandleAsync(context, focus, cancellationToken),
            PostNowCommand or SnoozeCommand => await reminderActions.HandleAsync(context, command, cancellationToken),
            ExportCommand => await privacyCommands.ExportAsync(context, cancellationToken),
            HealthCommand => await healthCommands.HandleAsync(context, cancellationToken),
            FlagUrgentCommand flag => await urgentEscalation.FlagByButtonAsync(context, flag.PingId, cancellationToken),
            _ => await agreementCommands.HandleAsync(context, command, cancellationToken),
        };
    }

    /// <summary>A button click maps onto the command it stands for.</summary>
    private static Command? ActionCommand(ChatTurn turn)
    {
        int? number = int.TryParse(turn.ActionValue, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        Guid? occurrence = Guid.TryParseExact(turn.ActionValue, "N", out var id) ? id : null;
        return turn.ActionId switch
        {
            ActionIds.Accept when number is not null => new AcceptCommand(number),
            ActionIds.Decline when number is not null => new DeclineCommand(number, null),
            ActionIds.PostNow when occurrence is not null => new PostNowCommand(occurrence),
            ActionIds.Snooze when occurrence is not null => new SnoozeCommand(occurrence),
            ActionIds.SkipOne when occurrence is not null => new SkipOccurrenceCommand(occurrence.Value),
            ActionIds.EditDraft => new DraftCommand(null),
            ActionIds.ForgetConfirm => new ForgetCommand(true),
            ActionIds.FlagUrgent when Guid.TryParse(turn.ActionValue, System.Globalization.CultureInfo.InvariantCulture, out var ping) => new FlagUrgentCommand(ping),
            _ => null,
        };
    }

    private async Task<Person> RememberAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var seen = turn.Person;
        var person = await collaborations.FindPersonAsync(turn.Platform, turn.WorkspaceId, seen.Id, cancellationToken)
            ?? new Person { Platform = turn.Platform, WorkspaceId = turn.WorkspaceId, Id = seen.Id };
        var changed = false;
        if (!string.IsNullOrWhiteSpace(seen.DisplayName) && person.DisplayName != seen.DisplayName)
        {
            person.DisplayName = seen.DisplayName;
            changed = true;
        }

        // What the platform says fills gaps; what the person chose with lang/tz stays.
        if (person.TimeZone is null && seen.TimeZone is { } zone && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null)
        {
            person.TimeZone = zone;
            changed = true;
        }

        if (person.Language is null && seen.Language is { } language)
        {
            person.Language = Texts.Localizer.Normalize(language);
            changed = true;
        }

        if (changed || string.IsNullOrEmpty(person.DisplayName))
        {
            await collaborations.SavePersonAsync(person, cancellationToken);
        }

        return person;
    }

    private async Task<Collaboration?> FindCollaborationAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var here = await collaborations.FindByConversationAsync(turn.Platform, turn.WorkspaceId, turn.ConversationId, cancellationToken);
        if (here is not null || !turn.IsDirect)
        {
            return here;
        }

        // In a direct conversation, the person's own collaboration (the first, when there are several).
        var theirs = await collaborations.ListForPersonAsync(turn.Platform, turn.WorkspaceId, turn.Person.Id, cancellationToken);
        return theirs.Count > 0 ? theirs[0] : null;
    }
}
