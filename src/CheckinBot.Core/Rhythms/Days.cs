using NodaTime;

namespace CheckinBot.Core.Rhythms;

/// <summary>A set of days of the week.</summary>
[Flags]
#pragma warning disable CA1711 // "Days" is the product's word; it is a flags set, not a collection type.
public enum Days
#pragma warning restore CA1711
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    Weekdays = Monday | Tuesday | Wednesday | Thursday | Friday,
    Weekend = Saturday | Sunday,
    Daily = Weekdays | Weekend,
}

/// <summary>Conversions between <see cref="Days"/> and NodaTime's days.</summary>
public static class DaysExtensions
{
    public static Days ToDays(this IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => Days.Monday,
        IsoDayOfWeek.Tuesday => Days.Tuesday,
        IsoDayOfWeek.Wednesday => Days.Wednesday,
        IsoDayOfWeek.Thursday => Days.Thursday,
        IsoDayOfWeek.Friday => Days.Friday,
        IsoDayOfWeek.Saturday => Days.Saturday,
        IsoDayOfWeek.Sunday => Days.Sunday,
        _ => Days.None,
    };

    public static bool Includes(this Days days, IsoDayOfWeek day) => (days & day.ToDays()) != 0;

    /// <summary>The days in week order, Monday first.</summary>
    public static IEnumerable<IsoDayOfWeek> Each(this Days days)
    {
        for (var d = IsoDayOfWeek.Monday; d <= IsoDayOfWeek.Sunday; d++)
        {
            if (days.Includes(d))
            {
                yield return d;
            }
        }
    }
}
