using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Texts;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>Composes what is posted at an occurrence: the VA's draft, or an honest line that she wrote none.</summary>
public static class UpdateComposer
{
    public static BotMessage Compose(Collaboration collaboration, Rhythm rhythm, string vaName, string? draft, Instant due, bool late)
    {
        var language = collaboration.Language;
        var zone = DateTimeZoneProviders.Tzdb[collaboration.TimeZone];
        var date = TimeWords.Date(language, due.InZone(zone).Date);
        var isPlan = rhythm.Kind == RhythmKind.Plan;
        var title = Localizer.Get(language, isPlan ? "plan.title" : "update.title", vaName, date);
        IReadOnlyList<string> lines = string.IsNullOrWhiteSpace(draft)
            ? [Localizer.Get(language, "update.noDraft", vaName)]
            : draft.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var context = late ? Localizer.Get(language, "update.late", TimeWords.Time(due.InZone(zone).TimeOfDay)) : null;
        return new BotMessage(isPlan ? MessageKind.Plan : MessageKind.Update, title, lines, [], context);
    }

    public static BotMessage Reminder(Person va, Collaboration collaboration, Rhythm rhythm, string clientNames, string? draft, Instant due, Instant now)
    {
        var language = Localizer.Normalize(va.Language ?? collaboration.Language);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(va.TimeZone ?? collaboration.TimeZone) ?? DateTimeZone.Utc;
        var when = $"{TimeWords.Relative(language, due - now)} ({TimeWords.Moment(language, due, now, zone)})";
        var lines = new List<string>
        {
            Localizer.Get(language, "reminder.text", Localizer.Get(language, "kind." + rhythm.Kind), clientNames, when),
            string.IsNullOrWhiteSpace(draft) ? Localizer.Get(language, "reminder.noDraft") : Localizer.Get(language, "reminder.draft", draft),
        };
        return new BotMessage(MessageKind.Reminder, null, lines, []);
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
