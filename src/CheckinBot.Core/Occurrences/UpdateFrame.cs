using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Texts;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>
/// What an update at one due instant says whoever it is from: its date in words, whether it closes the week, the line
/// that names the next update, and the note that it is late. The same for every collaboration with the same language,
/// zone and schedule, so a delivery batch composes it once for all of them (<see cref="KeyOf"/>).
/// </summary>
public sealed record UpdateFrame(LocalDate Today, string Date, bool LastOfWeek, string? NextLine, string? LateNote)
{
    public static UpdateFrame Of(Collaboration collaboration, Rhythm rhythm, Instant due, bool late)
    {
        var language = collaboration.Language;
        var zone = DateTimeZoneProviders.Tzdb[collaboration.TimeZone];
        var today = due.InZone(zone).Date;
        var next = UpdateComposer.NextOf(rhythm, due, zone);
        return new UpdateFrame(
            today,
            TimeWords.Date(language, today),
            next is not { } after || UpdateComposer.WeekOf(after.InZone(zone).Date) != UpdateComposer.WeekOf(today),
            next is { } at ? Localizer.Get(language, "update.next", TimeWords.Moment(language, at, due, zone)) : null,
            late ? Localizer.Get(language, "update.late", TimeWords.Time(due.InZone(zone).TimeOfDay)) : null);
    }

    /// <summary>Everything <see cref="Of"/> reads: two occurrences with the same key get the same frame.</summary>
    public static (string Language, string Zone, Days Days, LocalTime At, RhythmState State, LocalDate? PausedUntil, Instant Due, bool Late) KeyOf(
        Collaboration collaboration, Rhythm rhythm, Instant due, bool late) =>
        (collaboration.Language, collaboration.TimeZone, rhythm.Days, rhythm.At, rhythm.State, rhythm.PausedUntil, due, late);
}
