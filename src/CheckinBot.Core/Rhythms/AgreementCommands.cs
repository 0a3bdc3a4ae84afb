using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;
using NodaTime;

namespace CheckinBot.Core.Rhythms;

/// <summary>Use cases of the two-party agreement: propose, accept, decline, pause, resume, skip, retire, list.</summary>
public sealed class AgreementCommands(
    IRhythmStore rhythms,
    IOccurrenceLedger ledger,
    ICollaborationStore collaborations,
    Schedule schedule,
    DeliveryOptions options)
    : ICommandHandler<ProposeCommand>, ICommandHandler<AcceptCommand>, ICommandHandler<DeclineCommand>, ICommandHandler<RhythmsCommand>,
        ICommandHandler<PauseCommand>, ICommandHandler<ResumeCommand>, ICommandHandler<SkipNextCommand>, ICommandHandler<RetireCommand>
{
    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, Command command, CancellationToken cancellationToken)
    {
        var collaboration = context.Collaboration!;
        var all = (await rhythms.ListByCollaborationAsync(collaboration.Id, cancellationToken)).ToList();
        var vaName = await NameAsync(collaboration, collaboration.VaId, cancellationToken);
        var step = new Step(context, collaboration, all, vaName);

        return command switch
        {
            ProposeCommand propose => await ProposeAsync(step, propose, cancellationToken),
            AcceptCommand accept => await AnswerAsync(step, accept.Number, accepting: true, reason: null, cancellationToken),
            DeclineCommand decline => await AnswerAsync(step, decline.Number, accepting: false, decline.Reason, cancellationToken),
            RhythmsCommand => [context.ToSender(await ListAsync(step, cancellationToken))],
            PauseCommand pause => await PauseAsync(step, pause, cancellationToken),
            ResumeCommand resume => await ResumeAsync(step, resume, cancellationToken),
            SkipNextCommand skip => await SkipAsync(step, skip, cancellationToken),
            RetireCommand retire => await RetireAsync(step, retire, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
    }

    public bool OnlyReads(Command command) => command is RhythmsCommand;

    private async Task<IReadOnlyList<OutboundMessage>> ProposeAsync(Step step, ProposeCommand propose, CancellationToken cancellationToken)
    {
        var (context, collaboration) = (step.Context, step.Collaboration);
        var number = step.All.Count == 0 ? 1 : step.All.Max(r => r.Number) + 1;
        var rhythm = Rhythm.Propose(collaboration.Id, number, propose.Kind, propose.Days, propose.At, collaboration.TimeZone,
            context.Person.Id, context.Side!.Value, context.Now);

        // A counter-proposal replaces the open proposal of the same kind.
        var replaced = step.All.Where(r => r.State == RhythmState.Proposed && r.Kind == propose.Kind).ToList();
        foreach (var open in replaced)
        {
            open.Supersede(context.Person.Id, context.Now, number);
        }

        await rhythms.SaveAsync([rhythm, .. replaced], cancellationToken);

        var language = collaboration.Language;
        var lines = new List<string>
        {
            Localizer.Get(language, "propose.done", context.Name, number, RhythmWords.Describe(language, rhythm, step.VaName)),
        };
        lines.AddRange(replaced.Select(r => Localizer.Get(language, "propose.replaces", r.Number)));
        var value = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = new BotMessage(MessageKind.Notice, null, lines,
        [
            new MessageButton(ActionIds.Accept, Localizer.Get(language, "button.accept"), value, Primary: true),
            new MessageButton(ActionIds.Decline, Localizer.Get(language, "button.decline"), value),
        ]);
        return [context.ToChannel(message)];
    }

    private async Task<IReadOnlyList<OutboundMessage>> AnswerAsync(Step step, int? number, bool accepting, string? reason, CancellationToken cancellationToken)
    {
        var context = step.Context;
        Rhythm? rhythm;
        if (number is { } n)
        {
            rhythm = step.All.FirstOrDefault(r => r.Number == n);
            if (rhythm is null)
            {
                return [context.ToSender(context.Say("error.noSuchRhythm", n))];
            }
        }
        else
        {
            // Without a number: the one open proposal, preferring those from the other side.
            var open = step.All.Where(r => r.State == RhythmState.Proposed).ToList();
            var fromOthers = open.Where(r => r.ProposedBySide != context.Side).ToList();
            var choice = fromOthers.Count > 0 || accepting ? fromOthers : open;
            if (choice.Count == 0)
            {
                return [context.ToSender(open.Count > 0
                    ? context.Say("error.ownProposal", open[0].Number)
                    : context.Say("error.noOpenProposal"))];
            }

            if (choice.Count > 1)
            {
                return [context.ToSender(context.Say("error.severalOpen"))];
            }

            rhythm = choice[0];
        }

        var error = accepting
            ? rhythm.Accept(context.Person.Id, context.Side!.Value, context.Now)
            : rhythm.Decline(context.Person.Id, context.Side!.Value, context.Now, reason);
        if (error != AgreementError.None)
        {
            return [context.ToSender(ErrorText(context, error, rhythm.Number))];
        }

        await rhythms.SaveAsync([rhythm], cancellationToken);
        var language = step.Collaboration.Language;
        var description = RhythmWords.Describe(language, rhythm, step.VaName);
        var lines = new List<string>
        {
            accepting
                ? Localizer.Get(language, "accept.done", description)
                : Localizer.Get(language, "decline.done", context.Name, rhythm.Number, description),
        };
        if (!accepting && !string.IsNullOrWhiteSpace(reason))
        {
            lines.Add(Localizer.Get(language, "decline.reason", reason));
        }

        return [context.ToChannel(new BotMessage(MessageKind.Notice, null, lines, []))];
    }

    private async Task<BotMessage> ListAsync(Step step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var shown = step.All.Where(r => r.State is RhythmState.Proposed or RhythmState.Agreed or RhythmState.Paused).ToList();
        if (shown.Count == 0)
        {
            return BotMessage.Of(MessageKind.Reply, context.Say("rhythms.none"));
        }

        var clientNames = new List<string>();
        foreach (var id in step.Collaboration.ClientIds)
        {
            clientNames.Add(await NameAsync(step.Collaboration, id, cancellationToken));
        }

        var lines = shown.Select(r => context.Say("rhythms.line", r.Number,
            RhythmWords.Describe(context.Language, r, step.VaName), RhythmWords.State(context.Language, r))).ToList();
        return new BotMessage(MessageKind.Reply, context.Say("rhythms.header", step.VaName, string.Join(", ", clientNames)), lines, []);
    }

    private async Task<IReadOnlyList<OutboundMessage>> PauseAsync(Step step, PauseCommand pause, CancellationToken cancellationToken)
    {
        var context = step.Context;
        LocalDate? until = null;
        if (pause.Until is { } spec)
        {
            var today = context.Now.InZone(DateTimeZoneProviders.Tzdb[step.Collaboration.TimeZone]).Date;
            until = spec.Resolve(today);
            if (until is null || until <= today)
            {
                return [context.ToSender(context.Say(until is null ? "problem.badDate" : "problem.datePast"))];
            }
        }

        var (targets, refusal) = Targets(step, pause.Number, r => r.State is RhythmState.Agreed or RhythmState.Paused, "error.nothingAgreed");
        if (refusal is not null)
        {
            return [refusal];
        }

        var language = step.Collaboration.Language;
        var lines = new List<string>();
        foreach (var rhythm in targets)
        {
            var error = rhythm.Pause(context.Person.Id, context.Now, until);
            if (error != AgreementError.None)
            {
                return [context.ToSender(ErrorText(context, error, rhythm.Number))];
            }

            // Nothing already planned may go out in the paused days; the planner plans again from now.
            rhythm.PlannedUntil = context.Now;
            await ledger.CancelPendingAsync(rhythm.Id, context.Now, cancellationToken);
            var description = RhythmWords.Describe(language, rhythm, step.VaName);
            lines.Add(until is { } date
                ? Localizer.Get(language, "pause.until", context.Name, rhythm.Number, description, TimeWords.Date(language, date))
                : Localizer.Get(language, "pause.open", context.Name, rhythm.Number, description));
        }

        await rhythms.SaveAsync(targets, cancellationToken);
        if (until is { } back && pause.Number is null)
        {
            // A holiday: the client is told once, kindly, when the updates come back, instead of one line per rhythm.
            var zone = DateTimeZoneProviders.Tzdb[step.Collaboration.TimeZone];
            var first = await schedule.NextOfAsync(targets, step.Collaboration.Id, context.Now, cancellationToken);
            lines =
            [
                first is { } f
                    ? Localizer.Get(language, "pause.away", step.VaName, TimeWords.Moment(language, f.Due, context.Now, zone))
                    : Localizer.Get(language, "pause.awayNoNext", step.VaName, TimeWords.Date(language, back)),
            ];
        }

        return [context.ToChannel(new BotMessage(MessageKind.Notice, null, lines, []))];
    }

    private async Task<IReadOnlyList<OutboundMessage>> ResumeAsync(Step step, ResumeCommand resume, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var (targets, refusal) = Targets(step, resume.Number, r => r.State == RhythmState.Paused, "error.nothingPaused");
        if (refusal is not null)
        {
            return [refusal];
        }

        var language = step.Collaboration.Language;
        var lines = new List<string>();
        foreach (var rhythm in targets)
        {
            var error = rhythm.Resume(context.Person.Id, context.Now);
            if (error != AgreementError.None)
            {
                return [context.ToSender(ErrorText(context, error, rhythm.Number))];
            }

            lines.Add(Localizer.Get(language, "resume.done", context.Name, rhythm.Number, RhythmWords.Describe(language, rhythm, step.VaName)));
        }

        await rhythms.SaveAsync(targets, cancellationToken);
        return [context.ToChannel(new BotMessage(MessageKind.Notice, null, lines, []))];
    }

    private async Task<IReadOnlyList<OutboundMessage>> SkipAsync(Step step, SkipNextCommand skip, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var (targets, refusal) = Targets(step, skip.Number, r => r.IsScheduled, "error.nothingAgreed", allowMany: true);
        if (refusal is not null)
        {
            return [refusal];
        }

        if (await schedule.NextOfAsync(targets, step.Collaboration.Id, context.Now, cancellationToken) is not { } next)
        {
            return [context.ToSender(context.Say("status.noNext"))];
        }

        next.Rhythm.RecordSkip(context.Person.Id, context.Now, next.Due);
        await ledger.SkipAsync(new OccurrenceSeed(next.Rhythm.Id, step.Collaboration.Id, next.Due, next.Due - options.ReminderLead, OccurrenceStatus.Skipped), cancellationToken);
        await rhythms.SaveAsync([next.Rhythm], cancellationToken);

        var language = step.Collaboration.Language;
        var zone = DateTimeZoneProviders.Tzdb[step.Collaboration.TimeZone];
        var text = Localizer.Get(language, "skip.done", context.Name, Localizer.Get(language, "kind." + next.Rhythm.Kind),
            TimeWords.Moment(language, next.Due, context.Now, zone));
        return [context.ToChannel(BotMessage.Of(MessageKind.Notice, text))];
    }

    private async Task<IReadOnlyList<OutboundMessage>> RetireAsync(Step step, RetireCommand retire, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var rhythm = step.All.FirstOrDefault(r => r.Number == retire.Number);
        if (rhythm is null)
        {
            return [context.ToSender(context.Say("error.noSuchRhythm", retire.Number))];
        }

        var error = rhythm.Retire(context.Person.Id, context.Now);
        if (error != AgreementError.None)
        {
            return [context.ToSender(ErrorText(context, error, rhythm.Number))];
        }

        await ledger.CancelPendingAsync(rhythm.Id, context.Now, cancellationToken);
        await rhythms.SaveAsync([rhythm], cancellationToken);
        var language = step.Collaboration.Language;
        var text = Localizer.Get(language, "retire.done", context.Name, rhythm.Number, RhythmWords.Describe(language, rhythm, step.VaName));
        return [context.ToChannel(BotMessage.Of(MessageKind.Notice, text))];
    }

    /// <summary>The rhythm named by number, or every rhythm that fits when none is named.</summary>
    private static (List<Rhythm> Targets, OutboundMessage? Refusal) Targets(Step step, int? number, Func<Rhythm, bool> fits, string noneKey, bool allowMany = true)
    {
        var context = step.Context;
        if (number is { } n)
        {
            var named = step.All.FirstOrDefault(r => r.Number == n);
            return named is null
                ? ([], context.ToSender(context.Say("error.noSuchRhythm", n)))
                : fits(named) ? ([named], null) : ([], context.ToSender(context.Say("error.notAgreed", n)));
        }

        var matching = step.All.Where(fits).ToList();
        return matching.Count == 0 || (!allowMany && matching.Count > 1)
            ? ([], context.ToSender(context.Say(matching.Count == 0 ? noneKey : "error.severalOpen")))
            : (matching, null);
    }

    private static string ErrorText(TurnContext context, AgreementError error, int number) => error switch
    {
        AgreementError.OwnProposal => context.Say("error.ownProposal", number),
        AgreementError.NotOpen => context.Say("error.notOpen", number),
        AgreementError.NotAgreed => context.Say("error.notAgreed", number),
        AgreementError.NotPaused => context.Say("error.notPaused", number),
        AgreementError.AlreadyRetired => context.Say("error.alreadyRetired", number),
        _ => context.Say("error.notAMember"),
    };

    private async Task<string> NameAsync(Collaboration collaboration, string personId, CancellationToken cancellationToken)
    {
        var person = await collaborations.FindPersonAsync(collaboration.Platform, collaboration.WorkspaceId, personId, cancellationToken);
        return string.IsNullOrEmpty(person?.DisplayName) ? personId : person.DisplayName;
    }

    private sealed record Step(TurnContext Context, Collaboration Collaboration, List<Rhythm> All, string VaName);
}
