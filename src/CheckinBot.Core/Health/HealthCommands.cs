using CheckinBot.Core.Commands;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Pings;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;
using NodaTime;

namespace CheckinBot.Core.Health;

/// <summary>
/// Use case: <c>health</c>, how the rhythm held over the last four weeks, for either side of the collaboration.
/// Material for a conversation between the two, not a verdict.
/// </summary>
public sealed class HealthCommands(IOccurrenceLedger ledger, IPingLog pings) : ICommandHandler<HealthCommand>
{
    Task<IReadOnlyList<OutboundMessage>> ICommandHandler.HandleAsync(TurnContext context, Command command, CancellationToken cancellationToken) =>
        HandleAsync(context, cancellationToken);

    public const int Weeks = 4;

    bool ICommandHandler.OnlyReads(Command command) => true;

    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var collaboration = context.Collaboration!;
        var weeks = await ReadAsync(collaboration.Id, collaboration.CreatedAt, context.Zone, context.Now, cancellationToken);
        var culture = Localizer.Culture(context.Language);
        var thisWeek = weeks[^1].Start;
        var lines = weeks
            .Select(w => context.Say("health.week",
                w.Start == thisWeek ? context.Say("health.thisWeek") : context.Say("health.weekOf", w.Start.ToString("d MMM", culture)),
                w.Agreed, w.OnTime, w.Late, w.Missed, w.Pings, w.Answered, w.Urgent))
            .Reverse()
            .ToList();
        lines.Add(HealthTrend.Line(context.Language, weeks));
        return [context.ToSender(new BotMessage(MessageKind.Reply, context.Say("health.title"), lines, []))];
    }

    /// <summary>
    /// The last <see cref="Weeks"/> weeks, Monday to Sunday in <paramref name="zone"/>, oldest first, leaving out weeks
    /// before the collaboration began (<paramref name="since"/>); the last one is this week so far.
    /// </summary>
    public async Task<IReadOnlyList<HealthWeek>> ReadAsync(Guid collaborationId, Instant since, DateTimeZone zone, Instant now, CancellationToken cancellationToken)
    {
        static LocalDate MondayOf(Instant instant, DateTimeZone zone) => instant.InZone(zone).Date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var monday = MondayOf(now, zone);
        var began = MondayOf(since < now ? since : now, zone);
        var first = monday.PlusWeeks(1 - Weeks);
        first = began > first ? began : first;
        var from = first.AtStartOfDayInZone(zone).ToInstant();
        var occurrences = await ledger.ListByCollaborationAsync(collaborationId, from, now, cancellationToken);
        var logged = await pings.ListAsync(collaborationId, from, now, cancellationToken);

        var weeks = new List<HealthWeek>(Weeks);
        for (var i = 0; first.PlusWeeks(i) <= monday; i++)
        {
            var start = first.PlusWeeks(i);
            var (a, b) = (start.AtStartOfDayInZone(zone).ToInstant(), start.PlusWeeks(1).AtStartOfDayInZone(zone).ToInstant());
            var due = occurrences.Where(o => o.Due >= a && o.Due < b && o.Due <= now).ToList();
            var posted = due.Where(o => o.Status == OccurrenceStatus.Posted).ToList();
            var missed = due.Count(o => o.Status == OccurrenceStatus.Missed);
            var week = logged.Where(p => p.At >= a && p.At < b).ToList();
            var checks = week.Where(p => p.Class == PingClass.StatusCheck).ToList();
            weeks.Add(new HealthWeek(
                start,
                Agreed: posted.Count + missed,
                OnTime: posted.Count(o => !o.Late),
                Late: posted.Count(o => o.Late),
                Missed: missed,
                Pings: checks.Count,
                Answered: checks.Count(p => p.Outcome == PingOutcome.Answered),
                Urgent: week.Count(p => p.Escalated)));
        }

        return weeks;
    }
}
