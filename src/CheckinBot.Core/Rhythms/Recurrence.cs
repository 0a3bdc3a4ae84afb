using NodaTime;
using NodaTime.TimeZones;

namespace CheckinBot.Core.Rhythms;

/// <summary>
/// The due instants of a weekly rhythm: days of the week and a local time in an IANA zone.
/// </summary>
/// <remarks>
/// A local time that does not exist on a day (spring forward) fires at the first instant after the gap;
/// a local time that occurs twice (fall back) fires once, at the first.
/// </remarks>
public sealed class Recurrence
{
    private static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    public Recurrence(Days days, LocalTime at, DateTimeZone zone)
    {
        if (days == Days.None)
        {
            throw new ArgumentException("A rhythm needs at least one day.", nameof(days));
        }

        Days = days;
        At = at;
        Zone = zone;
    }

    public Days Days { get; }
    public LocalTime At { get; }
    public DateTimeZone Zone { get; }

    /// <summary>The instant this rhythm is due on a local date, or null when the day is not one of its days.</summary>
    public Instant? DueOn(LocalDate date) =>
        Days.Includes(date.DayOfWeek) ? Zone.ResolveLocal(date + At, Resolver).ToInstant() : null;

    /// <summary>Every due instant after <paramref name="fromExclusive"/> up to and including <paramref name="toInclusive"/>.</summary>
    public IEnumerable<Instant> Between(Instant fromExclusive, Instant toInclusive)
    {
        if (toInclusive <= fromExclusive)
        {
            yield break;
        }

        // A day either side covers instants whose local date differs from the UTC date.
        var first = fromExclusive.InZone(Zone).Date.PlusDays(-1);
        var last = toInclusive.InZone(Zone).Date.PlusDays(1);
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            if (DueOn(date) is { } due && due > fromExclusive && due <= toInclusive)
            {
                yield return due;
            }
        }
    }

    /// <summary>The first due instant strictly after <paramref name="after"/>.</summary>
    public Instant Next(Instant after)
    {
        var date = after.InZone(Zone).Date.PlusDays(-1);
        while (true)
        {
            if (DueOn(date) is { } due && due > after)
            {
                return due;
            }

            date = date.PlusDays(1);
        }
    }
}
