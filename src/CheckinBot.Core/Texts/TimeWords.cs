using System.Globalization;
using CheckinBot.Core.Rhythms;
using NodaTime;

namespace CheckinBot.Core.Texts;

/// <summary>Times, days and durations in words, in a person's language and zone.</summary>
public static class TimeWords
{
    /// <summary>"today at 17:00", "tomorrow at 09:00", "Wednesday 3 December at 17:00", in <paramref name="zone"/>.</summary>
    public static string Moment(string language, Instant when, Instant now, DateTimeZone zone)
    {
        var local = when.InZone(zone);
        var today = now.InZone(zone).Date;
        var time = local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
        if (local.Date == today)
        {
            return Localizer.Get(language, "time.today", time);
        }

        if (local.Date == today.PlusDays(1))
        {
            return Localizer.Get(language, "time.tomorrow", time);
        }

        return Localizer.Get(language, "time.day", Date(language, local.Date), time);
    }

    /// <summary>"Wednesday 3 December".</summary>
    public static string Date(string language, LocalDate date)
    {
        var culture = Localizer.Culture(language);
        var day = culture.DateTimeFormat.GetDayName((DayOfWeek)((int)date.DayOfWeek % 7));
        var month = culture.DateTimeFormat.GetMonthName(date.Month);
        return string.Create(culture, $"{day} {date.Day} {month}");
    }

    /// <summary>A deadline seen from <paramref name="today"/>: "today", "tomorrow", "Thursday" within a week, else "Thursday 3 December".</summary>
    public static string Deadline(string language, LocalDate date, LocalDate today)
    {
        if (date == today)
        {
            return Localizer.Get(language, "deadline.today");
        }

        if (date == today.PlusDays(1))
        {
            return Localizer.Get(language, "deadline.tomorrow");
        }

        if (date > today && date < today.PlusDays(7))
        {
            return Localizer.Culture(language).DateTimeFormat.GetDayName((DayOfWeek)((int)date.DayOfWeek % 7));
        }

        return Date(language, date);
    }

    /// <summary>"in 2 hours", "in 15 minutes", "in 1 day": the nearest whole unit, singular for one.</summary>
    public static string Relative(string language, Duration duration)
    {
        var minutes = (int)Math.Round(duration.TotalMinutes, MidpointRounding.AwayFromZero);
        if (minutes <= 0)
        {
            return Localizer.Get(language, "rel.now");
        }

        if (minutes < 60)
        {
            return minutes == 1 ? Localizer.Get(language, "rel.minute") : Localizer.Get(language, "rel.minutes", minutes);
        }

        var hours = (int)Math.Round(duration.TotalHours, MidpointRounding.AwayFromZero);
        if (hours < 24)
        {
            return hours == 1 ? Localizer.Get(language, "rel.hour") : Localizer.Get(language, "rel.hours", hours);
        }

        var days = Math.Max(1, (int)Math.Round(duration.TotalDays, MidpointRounding.AwayFromZero));
        return days == 1 ? Localizer.Get(language, "rel.day") : Localizer.Get(language, "rel.days", days);
    }

    /// <summary>"every weekday", "on Monday, Wednesday".</summary>
    public static string Days(string language, Rhythms.Days days)
    {
        if (days is Rhythms.Days.Weekdays or Rhythms.Days.Daily or Rhythms.Days.Weekend)
        {
            return Localizer.Get(language, "days." + days);
        }

        var culture = Localizer.Culture(language);
        var names = days.Each().Select(d => culture.DateTimeFormat.GetDayName((DayOfWeek)((int)d % 7)));
        return Localizer.Get(language, "days.list", string.Join(", ", names));
    }

    public static string Time(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
