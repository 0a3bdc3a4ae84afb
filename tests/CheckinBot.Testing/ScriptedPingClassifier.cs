using CheckinBot.Core.Pings;

namespace CheckinBot.Testing;

/// <summary>
/// Stands in for the learned classifier (which lives outside the core, in CheckinBot.Pings): the status checks these
/// tests send are listed, a message that opens with "DRINGEND" is urgent, anything else is other.
/// </summary>
public sealed class ScriptedPingClassifier : IPingClassifier
{
    private static readonly HashSet<string> StatusChecks = new(StringComparer.OrdinalIgnoreCase)
    {
        "Ben je eraan begonnen?", "any update?", "En, al halverwege?", "hoe ver sta je?", "status?", "any news?",
    };

    public List<(string Text, IReadOnlyCollection<string>? Names)> Seen { get; } = [];

    public PingVerdict Classify(string text, string? language = null, IReadOnlyCollection<string>? names = null)
    {
        Seen.Add((text, names));
        var value = text.StartsWith("DRINGEND", StringComparison.Ordinal) ? PingClass.Urgent
            : StatusChecks.Contains(text) ? PingClass.StatusCheck
            : PingClass.Other;
        var detected = language ?? (text.Contains("any", StringComparison.OrdinalIgnoreCase) ? "en" : "nl");
        return new PingVerdict(value, detected, [$"scripted: {value}"]);
    }
}
