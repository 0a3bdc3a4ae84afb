using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Tasks;
using CheckinBot.Core.Texts;
using CheckinBot.Core.Turns;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>
/// Composes what is posted at an occurrence: the VA's draft, or a summary of her task log since the last update
/// (done, in progress, blocked, next up), or one honest line that there is nothing to report.
/// </summary>
public static class UpdateComposer
{
    /// <summary>How many planned tasks an update names as next up.</summary>
    public const int NextUpShown = 3;

    public static BotMessage Compose(Collaboration collaboration, Rhythm rhythm, string vaName, string? draft, WorkLog log, Instant due, bool late) =>
        Compose(collaboration, rhythm, vaName, draft, log, UpdateFrame.Of(collaboration, rhythm, due, late));

    /// <summary>The update, around a <paramref name="frame"/> composed before (one per language, zone and schedule in a batch).</summary>
    public static BotMessage Compose(Collaboration collaboration, Rhythm rhythm, string vaName, string? draft, WorkLog log, UpdateFrame frame)
    {
        var language = collaboration.Language;
        var today = frame.Today;
        var isPlan = rhythm.Kind == RhythmKind.Plan;
        var title = Localizer.Get(language, isPlan ? "plan.title" : "update.title", vaName, frame.Date);
        var lines = isPlan ? PlanLines(language, vaName, draft, log, today) : UpdateLines(language, vaName, draft, log, today);

        if (!isPlan && frame.LastOfWeek && log.Tasks.Count > 0 && log.PlanItems.ToList() is { Count: > 0 } items)
        {
            lines.Add(Localizer.Get(language, "plan.weekDone", items.Count(t => t.State == TaskState.Done), items.Count));
            lines.AddRange(items.Select(t => TaskLines.PlanItem(language, t, today)));
        }

        if (frame.NextLine is { } next)
        {
            lines.Add(next);
        }

        return new BotMessage(isPlan ? MessageKind.Plan : MessageKind.Update, title, lines, [], frame.LateNote);
    }

    /// <summary>The body of an update: the draft, else the task log, else one honest line; deadlines within a day named.</summary>
    public static List<string> UpdateLines(string language, string vaName, string? draft, WorkLog log, LocalDate today)
    {
        if (log.Tasks.Count == 0)
        {
            // Nothing in the task log: the draft, or the one honest line (most updates of a burst).
            return string.IsNullOrWhiteSpace(draft) ? [Localizer.Get(language, "update.noDraft", vaName)] : [.. DraftLines(draft)];
        }

        var lines = new List<string>();
        var named = new HashSet<Guid>();
        if (!string.IsNullOrWhiteSpace(draft))
        {
            lines.AddRange(DraftLines(draft));
        }
        else
        {
            var shown = log.DoneSince
                .Concat(log.Tasks.Where(t => t.State == TaskState.Started).OrderBy(t => t.StartedAt))
                .Concat(log.Tasks.Where(t => t.State == TaskState.Blocked).OrderBy(t => t.UpdatedAt))
                .Concat(log.NextUp.Take(NextUpShown))
                .ToList();
            lines.AddRange(shown.Select(t => TaskLines.Describe(language, t, today)));
            named.UnionWith(shown.Where(t => t.State is TaskState.Started or TaskState.Planned).Select(t => t.Id));
            if (lines.Count == 0)
            {
                lines.Add(Localizer.Get(language, "update.noDraft", vaName));
            }
        }

        lines.AddRange(log.Tasks.Where(t => !named.Contains(t.Id)).OrderBy(t => t.Due)
            .Select(t => TaskLines.DueSoon(language, t, today)).OfType<string>());
        return lines;
    }

    private static List<string> PlanLines(string language, string vaName, string? draft, WorkLog log, LocalDate today)
    {
        var items = log.PlanItems.Select(t => TaskLines.PlanItem(language, t, today)).ToList();
        if (items.Count > 0)
        {
            return items;
        }

        return string.IsNullOrWhiteSpace(draft) ? [Localizer.Get(language, "plan.empty", vaName)] : DraftLines(draft).ToList();
    }

    private static string[] DraftLines(string draft) => draft.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when the rhythm's next occurrence falls in a later week than this one.</summary>
    public static bool IsLastOfWeek(Rhythm rhythm, Instant due, DateTimeZone zone) =>
        NextOf(rhythm, due, zone) is not { } next || WeekOf(next.InZone(zone).Date) != WeekOf(due.InZone(zone).Date);

    internal static LocalDate WeekOf(LocalDate date) => date.PlusDays(1 - (int)date.DayOfWeek);

    internal static Instant? NextOf(Rhythm rhythm, Instant due, DateTimeZone zone)
    {
        var recurrence = new Recurrence(rhythm.Days, rhythm.At, zone);
        var at = due;
        for (var i = 0; i < 60; i++)
        {
            at = recurrence.Next(at);
            if (rhythm.RunsOn(at.InZone(zone).Date))
            {
                return at;
            }
        }

        return null;
    }

    public static BotMessage Reminder(Person va, Collaboration collaboration, Rhythm rhythm, string clientNames, string? draft, WorkLog log,
        Guid occurrenceId, Instant due, Instant now)
    {
        var language = Localizer.Normalize(va.Language ?? collaboration.Language);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(va.TimeZone ?? collaboration.TimeZone) ?? DateTimeZone.Utc;
        var when = $"{TimeWords.Relative(language, due - now)} ({TimeWords.Moment(language, due, now, zone)})";
        var lines = new List<string> { Localizer.Get(language, "reminder.text", Localizer.Get(language, "kind." + rhythm.Kind), clientNames, when) };
        if (!string.IsNullOrWhiteSpace(draft))
        {
            lines.Add(Localizer.Get(language, "reminder.draft", draft));
        }
        else if (rhythm.Kind == RhythmKind.Plan)
        {
            lines.Add(Localizer.Get(language, log.PlanItems.Any() ? "reminder.planFromItems" : "reminder.noPlan"));
            lines.AddRange(log.PlanItems.Select(t => TaskLines.PlanItem(language, t, due.InZone(zone).Date)));
        }
        else
        {
            var today = due.InZone(DateTimeZoneProviders.Tzdb[collaboration.TimeZone]).Date;
            var composed = UpdateLines(language, "", null, log, today);
            var fromLog = log.DoneSince.Any() || log.Tasks.Any(t => t.State != TaskState.Done);
            lines.Add(Localizer.Get(language, fromLog ? "reminder.composed" : "reminder.noDraft"));
            if (fromLog)
            {
                lines.AddRange(composed);
            }
        }

        var value = occurrenceId.ToString("N");
        return new BotMessage(MessageKind.Reminder, null, lines,
        [
            new MessageButton(ActionIds.PostNow, Localizer.Get(language, "button.postNow"), value, Primary: true),
            new MessageButton(ActionIds.EditDraft, Localizer.Get(language, "button.edit"), value),
            new MessageButton(ActionIds.Snooze, Localizer.Get(language, "button.snooze"), value),
            new MessageButton(ActionIds.SkipOne, Localizer.Get(language, "button.skipOne"), value),
        ]);
    }

    public static BotMessage Missed(Person va, Collaboration collaboration, Rhythm rhythm, string clientNames, Instant due, Instant now, Duration grace)
    {
        var language = Localizer.Normalize(va.Language ?? collaboration.Language);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(va.TimeZone ?? collaboration.TimeZone) ?? DateTimeZone.Utc;
        var text = Localizer.Get(language, "missed.text", Localizer.Get(language, "kind." + rhythm.Kind), clientNames,
            TimeWords.Moment(language, due, now, zone), (int)grace.TotalMinutes);
        return BotMessage.Of(MessageKind.Notice, text);
    }
}
