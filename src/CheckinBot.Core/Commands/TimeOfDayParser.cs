using System.Text.RegularExpressions;
using NodaTime;

namespace CheckinBot.Core.Commands;

/// <summary>Reads a time of day as people type it: <c>17:00</c>, <c>17u</c>, <c>17u30</c>, <c>17h30</c>, <c>5pm</c>, <c>5.30pm</c>.</summary>
public static partial class TimeOfDayParser
{
    [GeneratedRegex(@"^(?<h>\d{1,2})(?:(?:[:.uh])(?<m>\d{2})?)?(?<ampm>am|pm|a\.m\.|p\.m\.)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    public static bool TryParse(string word, out LocalTime time)
    {
        time = default;
        var match = TimePattern().Match(Words.Fold(word));
        if (!match.Success)
        {
            return false;
        }

        var hasSeparator = match.Value.Length > match.Groups["h"].Length + match.Groups["ampm"].Length;
        var ampm = match.Groups["ampm"].Value.Replace(".", "", StringComparison.Ordinal);
        if (!hasSeparator && ampm.Length == 0)
        {
            return false; // a bare number is an id, not a time
        }

        var hour = int.Parse(match.Groups["h"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (ampm.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = (hour % 12) + (ampm == "pm" ? 12 : 0);
        }

        if (hour > 23 || minute > 59)
        {
            return false;
        }

        time = new LocalTime(hour, minute);
        return true;
    }
}
