using CheckinBot.Core.Texts;

namespace CheckinBot.Core.Health;

/// <summary>The trend of pings over the weeks in one line: a small bar chart and what it says.</summary>
public static class HealthTrend
{
    private const string Bars = "▁▂▃▄▅▆▇";

    public static string Line(string language, IReadOnlyList<HealthWeek> weeks)
    {
        var counts = weeks.Select(w => w.Pings).ToList();
        if (counts.Count < 2)
        {
            return Localizer.Get(language, "health.trend.early");
        }

        if (counts.All(c => c == 0))
        {
            return Localizer.Get(language, "health.trend.quiet");
        }

        var half = counts.Count / 2;
        var before = counts.Take(half).Sum();
        var after = counts.Skip(half).Sum();
        var key = after * 5 <= before * 4 ? "health.trend.fewer"
            : after * 4 >= before * 5 && after - before >= 2 ? "health.trend.more"
            : "health.trend.steady";
        return Localizer.Get(language, key, Chart(counts));
    }

    /// <summary>One bar per week, scaled to the busiest week.</summary>
    public static string Chart(IReadOnlyList<int> counts)
    {
        var max = Math.Max(1, counts.Max());
        return string.Concat(counts.Select(c => Bars[(int)Math.Round((double)c * (Bars.Length - 1) / max)]));
    }
}
