using CheckinBot.Core.Rhythms;
using NodaTime;

namespace CheckinBot.Core.Commands;

/// <summary>
/// Reads days of the week in English, Dutch and French: <c>weekdays</c>, <c>werkdagen</c>, <c>ma-vr</c>,
/// <c>mon,wed</c>, <c>maandag</c>, <c>daily</c>, <c>dagelijks</c>, <c>lun-ven</c>.
/// </summary>
public static class DaysParser
{
    private static readonly Dictionary<string, Days> Sets = new(StringComparer.Ordinal)
    {
        ["weekdays"] = Days.Weekdays, ["weekday"] = Days.Weekdays, ["workdays"] = Days.Weekdays,
        ["werkdagen"] = Days.Weekdays, ["weekdagen"] = Days.Weekdays, ["werkdag"] = Days.Weekdays,
        ["semaine"] = Days.Weekdays, ["ouvrables"] = Days.Weekdays, ["jours-ouvrables"] = Days.Weekdays,
        ["daily"] = Days.Daily, ["everyday"] = Days.Daily, ["dagelijks"] = Days.Daily, ["quotidien"] = Days.Daily,
        ["tlj"] = Days.Daily,
        ["weekend"] = Days.Weekend, ["weekends"] = Days.Weekend, ["week-end"] = Days.Weekend,
    };

    private static readonly Dictionary<string, IsoDayOfWeek> Names = BuildNames();

    /// <summary>Reads one word (which may hold a list or a range); false when it names no days.</summary>
    public static bool TryParse(string word, out Days days)
    {
        days = Days.None;
        var folded = Words.Fold(word).Trim(',', ';', '.');
        if (folded.Length == 0)
        {
            return false;
        }

        if (Sets.TryGetValue(folded, out days))
        {
            return true;
        }

        foreach (var part in folded.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Sets.TryGetValue(part, out var set))
            {
                days |= set;
                continue;
            }

            var range = part.Split('-');
            if (range.Length == 2 && TryDay(range[0], out var from) && TryDay(range[1], out var to))
            {
                for (var d = from; ; d = d == IsoDayOfWeek.Sunday ? IsoDayOfWeek.Monday : d + 1)
                {
                    days |= d.ToDays();
                    if (d == to)
                    {
                        break;
                    }
                }

                continue;
            }

            if (!TryDay(part, out var single))
            {
                days = Days.None;
                return false;
            }

            days |= single.ToDays();
        }

        return days != Days.None;
    }

    /// <summary>Reads one day name in any of the three languages.</summary>
    public static bool TryDay(string word, out IsoDayOfWeek day) => Names.TryGetValue(Words.Fold(word), out day);

    private static Dictionary<string, IsoDayOfWeek> BuildNames()
    {
        var names = new Dictionary<string, IsoDayOfWeek>(StringComparer.Ordinal);
        void Add(IsoDayOfWeek day, params string[] words)
        {
            foreach (var w in words)
            {
                names[w] = day;
            }
        }

        Add(IsoDayOfWeek.Monday, "mon", "monday", "mondays", "ma", "maa", "maandag", "maandagen", "maandags", "lun", "lundi", "lundis");
        Add(IsoDayOfWeek.Tuesday, "tue", "tues", "tuesday", "tuesdays", "di", "din", "dinsdag", "dinsdagen", "dinsdags", "mar", "mardi", "mardis");
        Add(IsoDayOfWeek.Wednesday, "wed", "wednesday", "wednesdays", "wo", "woe", "woensdag", "woensdagen", "woensdags", "mer", "mercredi", "mercredis");
        Add(IsoDayOfWeek.Thursday, "thu", "thur", "thurs", "thursday", "thursdays", "do", "don", "donderdag", "donderdagen", "donderdags", "jeu", "jeudi", "jeudis");
        Add(IsoDayOfWeek.Friday, "fri", "friday", "fridays", "vr", "vrij", "vrijdag", "vrijdagen", "vrijdags", "ven", "vendredi", "vendredis");
        Add(IsoDayOfWeek.Saturday, "sat", "saturday", "saturdays", "za", "zat", "zaterdag", "zaterdagen", "zaterdags", "sam", "samedi", "samedis");
        Add(IsoDayOfWeek.Sunday, "sun", "sunday", "sundays", "zo", "zon", "zondag", "zondagen", "zondags", "dim", "dimanche", "dimanches");
        return names;
    }
}
