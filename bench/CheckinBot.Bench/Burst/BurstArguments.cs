using System.Globalization;

namespace CheckinBot.Bench.Burst;

/// <summary>Reads <c>--name value</c> pairs.</summary>
internal static class BurstArguments
{
    public static string Text(IReadOnlyList<string> args, string name, string fallback)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return fallback;
    }

    public static int Number(IReadOnlyList<string> args, string name, int fallback) =>
        int.Parse(Text(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
