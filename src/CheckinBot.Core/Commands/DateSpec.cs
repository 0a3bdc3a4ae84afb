using NodaTime;

namespace CheckinBot.Core.Commands;

/// <summary>A date as typed: absolute, or relative to today (tomorrow, a weekday), resolved by the use case.</summary>
public sealed record DateSpec
{
    private DateSpec(LocalDate? date, int? daysFromToday, IsoDayOfWeek? weekday, int? day, int? month)
    {
        Date = date;
        DaysFromToday = daysFromToday;
        Weekday = weekday;
        Day = day;
        Month = month;
    }

    public LocalDate? Date { get; }
    public int? DaysFromToday { get; }
    public IsoDayOfWeek? Weekday { get; }
    public int? Day { get; }
    public int? Month { get; }

    public static DateSpec On(LocalDate date) => new(date, null, null, null, null);

    public static DateSpec InDays(int days) => new(null, days, null, null, null);

    public static DateSpec Next(IsoDayOfWeek weekday) => new(null, null, weekday, null, null);

    public static DateSpec DayMonth(int day, int month) => new(null, null, null, day, month);

    /// <summary>The date meant, seen from <paramref name="today"/>; null for an impossible day and month.</summary>
    public LocalDate? Resolve(LocalDate today)
    {
        if (Date is { } date)
        {
            return date;
        }

        if (DaysFromToday is { } days)
        {
            return today.PlusDays(days);
        }

        if (Weekday is { } weekday)
        {
            return today.DayOfWeek == weekday ? today.PlusWeeks(1) : today.Next(weekday);
        }

        if (Day is { } d && Month is { } m)
        {
            for (var year = today.Year; year <= today.Year + 1; year++)
            {
                if (m <= 12 && d <= CalendarSystem.Iso.GetDaysInMonth(year, m))
                {
                    var candidate = new LocalDate(year, m, d);
                    if (candidate >= today)
                    {
                        return candidate;
                    }
                }
            }
        }

        return null;
    }
}
