using CheckinBot.Pings.Rules;
using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Tests.Rules;

/// <summary>Runs the rules over one message, as the classifier does.</summary>
internal static class Read
{
    public static RuleReading Rules(string message, params string[] names)
    {
        var text = TextNormalizer.Normalize(message, names);
        var used = new bool[text.Tokens.Count];
        return PingRules.Read(text, used);
    }
}
