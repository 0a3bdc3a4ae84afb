using System.Globalization;

namespace CheckinBot.Slack.WebApi;

/// <summary>Slack's message timestamps (<c>ts</c>, "1767628800.000200": Unix seconds and a unique fraction) as instants, and back.</summary>
public static class SlackTimestamps
{
    /// <summary>An instant as Slack's <c>oldest</c>/<c>latest</c> take it, to the microsecond.</summary>
    public static string Format(DateTimeOffset at)
    {
        var microseconds = (at - DateTimeOffset.UnixEpoch).Ticks / 10;
        return (microseconds / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (microseconds % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>When Slack says a message was posted; null when <paramref name="ts"/> is not a timestamp it could have given.</summary>
    public static DateTimeOffset? Parse(string? ts)
    {
        if (ts is null || !decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds > 253_402_300_799m)
        {
            return null;
        }

        return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }
}
