using CheckinBot.Core.Pings;

namespace CheckinBot.Testing;

/// <summary>
/// Stands in for the learned classifier (which lives outside the core, in CheckinBot.Pings): the status checks these
/// tests send are listed, a message that opens with "DRINGEND" is urgent, anything else is other. A listed status check
/// that opens with a platform mention ("&lt;@U1&gt; any news?") is one only when the mention is of one of the VA's ids,
/// as the learned classifier reads it. A listed question about a task ("photographer confirmed?") is one only when it
/// names a word of an open task's title; given no open work, its verdict says that open work would decide it. A
/// message that opens with "ook:" is a follow-up: urgent only when it follows an urgent one; told it does not, its
/// verdict says that following one would decide it.
/// </summary>
public sealed class ScriptedPingClassifier : IPingClassifier
{
    private static readonly HashSet<string> StatusChecks = new(StringComparer.OrdinalIgnoreCase)
    {
        "Ben je eraan begonnen?", "any update?", "En, al halverwege?", "hoe ver sta je?", "status?", "any news?",
    };

    private static readonly HashSet<string> TaskQuestions = new(StringComparer.OrdinalIgnoreCase)
    {
        "photographer confirmed?", "Is de nieuwsbrief al weg?",
    };

    public List<(string Text, PingAddressees? Addressees, OpenWork? OpenWork)> Seen { get; } = [];

    /// <summary>How many times a message was classified as following an urgent one.</summary>
    public int ToldFollowsUrgent { get; private set; }

    public PingVerdict Classify(string text, string? language = null, PingAddressees? addressees = null, OpenWork? openWork = null, bool followsUrgent = false)
    {
        Seen.Add((text, addressees, openWork));
        ToldFollowsUrgent += followsUrgent ? 1 : 0;
        var taskQuestion = TaskQuestions.Contains(text);
        var followUp = text.StartsWith("ook:", StringComparison.Ordinal);
        var value = text.StartsWith("DRINGEND", StringComparison.Ordinal) || followUp && followsUrgent ? PingClass.Urgent
            : StatusChecks.Contains(AddressedToVa(text, addressees)) ? PingClass.StatusCheck
            : taskQuestion && openWork is not null && NamesATask(text, openWork) ? PingClass.StatusCheck
            : PingClass.Other;
        var detected = language ?? (text.Contains("any", StringComparison.OrdinalIgnoreCase) ? "en" : "nl");
        return new PingVerdict(value, detected, [$"scripted: {value}"], OpenWorkMatters: taskQuestion && openWork is null, FollowingUrgentMatters: followUp && !followsUrgent);
    }

    private static bool NamesATask(string text, OpenWork openWork) =>
        openWork.Titles.SelectMany(t => t.Split(' ')).Any(word => word.Length >= 4 && text.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>The text after a leading mention of the VA's id; the text unchanged when it opens with no mention or with someone else's.</summary>
    private static string AddressedToVa(string text, PingAddressees? addressees)
    {
        var end = text.IndexOf('>', StringComparison.Ordinal);
        if (!text.StartsWith("<@", StringComparison.Ordinal) || end < 0)
        {
            return text;
        }

        var id = text[2..end];
        return addressees?.Ids.Contains(id) == true ? text[(end + 1)..].TrimStart() : text;
    }
}
