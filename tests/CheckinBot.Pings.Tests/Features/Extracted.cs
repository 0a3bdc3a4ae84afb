using CheckinBot.Pings.Features;
using CheckinBot.Pings.Rules;
using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Tests.Features;

/// <summary>Extracts one message's features as the classifier does, by name.</summary>
internal static class Extracted
{
    public static List<string> Names(string message, params string[] vaNames)
    {
        var text = TextNormalizer.Normalize(message, vaNames);
        var used = new bool[text.Tokens.Count];
        var rules = PingRules.Read(text, used);
        var names = new Dictionary<int, string>();
        PingFeatures.Extract(text, rules, used, [], names);
        return [.. names.Values];
    }
}
