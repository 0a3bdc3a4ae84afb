using System.Collections.Frozen;
using System.Text;
using CheckinBot.Core.Commands;

namespace CheckinBot.Core.Pings;

/// <summary>
/// Recognises a short answer that says "yes, it is urgent" ("dringend", "urgent!", "ja, het is dringend",
/// "oui c'est urgent"), which flags the question the bot just answered.
/// </summary>
public static class UrgentReply
{
    private const int MaxWords = 6;

    private static readonly FrozenSet<string> UrgentWords = new[]
    {
        "dringend", "urgent", "urgente", "urgence", "spoed", "spoedig", "asap", "zsm", "dringent", "urgant", "urgnt",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Fillers = new[]
    {
        "ja", "jaja", "jawel", "yes", "yep", "yeah", "oui", "si", "het", "is", "wel", "heel", "erg", "echt", "zeer", "it", "its", "it's", "s",
        "very", "really", "quite", "c", "c'est", "cest", "est", "tres", "vraiment", "assez", "oh", "ok", "okay", "please", "pls", "aub", "svp",
        "graag", "dit", "this", "ca", "one", "deze", "die",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Matches(string text)
    {
        var words = Tokens(text);
        return words.Count is > 0 and <= MaxWords
            && words.Any(UrgentWords.Contains)
            && words.All(w => UrgentWords.Contains(w) || Fillers.Contains(w));
    }

    private static List<string> Tokens(string text)
    {
        var folded = Words.Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(char.IsLetter(c) || c == '\'' ? c : ' ');
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('\'')).Where(w => w.Length > 0).ToList();
    }
}
