using CheckinBot.Core.Texts;

namespace CheckinBot.Core.Rhythms;

/// <summary>A rhythm in words: "Ina's update every weekday at 17:00 (Europe/Brussels)".</summary>
public static class RhythmWords
{
    public static string Describe(string language, Rhythm rhythm, string vaName) =>
        Localizer.Get(language, "rhythm.describe",
            vaName,
            Localizer.Get(language, "kind." + rhythm.Kind),
            TimeWords.Days(language, rhythm.Days),
            TimeWords.Time(rhythm.At),
            rhythm.TimeZone);

    public static string State(string language, Rhythm rhythm) =>
        rhythm is { State: RhythmState.Paused, PausedUntil: { } until }
            ? Localizer.Get(language, "state.PausedUntil", TimeWords.Date(language, until))
            : Localizer.Get(language, "state." + rhythm.State);
}
