using System.Collections.Frozen;
using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Rules;

/// <summary>
/// The few rules for what data cannot teach reliably, in general words of nl/en/fr (no phrase from a corpus):
/// <list type="number">
/// <item>a quoted or talked-about word is not used: "take URGENT out of the subject line", "the word 'dringend'";</item>
/// <item>"no rush", "niks dringends", "pas pressé" calm a message, unless something after "but" takes it back;</item>
/// <item>the VA's name reads as a mention (done by the normaliser, which is given her name);</item>
/// <item>an explicit urgent word outside quotes, not negated, makes the message urgent.</item>
/// </list>
/// </summary>
internal static class PingRules
{
    /// <summary>Words that say urgent outright.</summary>
    private static readonly FrozenSet<string> UrgentWords = Set(
        "urgent urgente urgents urgentes urgently urgence urgences urgentissime dringend dringende spoed spoedgeval asap emergency noodgeval");

    /// <summary>Words that put the next urgent word in the negative: "not urgent", "niet dringend", "pas urgent", "rien d'urgent".</summary>
    private static readonly FrozenSet<string> Negations = Set(
        "not no nothing non niet geen niks niets pas rien aucune aucun sans nie never nooit jamais isn t");

    /// <summary>Nouns and verbs that talk about a word rather than use it: a subject line, a label, to mark something as urgent.</summary>
    private static readonly FrozenSet<string> TalkAbout = Set(
        "word words woord woorden mot mots term terme subject onderwerp onderwerpregel objet title titel titre label labels tag tags " +
        "flag flagged mark marked markeer markeren gemarkeerd marquer marque marques marquez hashtag");

    /// <summary>"no rush", "geen haast", "pas pressé": it can wait. Pairs of words, the second within two of the first.</summary>
    private static readonly (string First, string Second)[] CalmPairs =
    [
        ("no", "rush"), ("no", "hurry"), ("not", "rush"), ("t", "rush"), ("take", "time"),
        ("geen", "haast"), ("geen", "spoed"), ("geen", "stress"), ("niet", "haasten"), ("neem", "tijd"), ("geen", "dringends"),
        ("pas", "presse"), ("pas", "pressee"), ("rien", "presse"), ("pas", "rush"), ("prends", "temps"), ("pas", "stress"),
    ];

    /// <summary>A turn after which a calming phrase no longer holds: "no rush on the rest, but the checkout is broken".</summary>
    private static readonly FrozenSet<string> Turns = Set("but maar mais toch however cependant pourtant alleen except behalve sauf");

    /// <summary>Reads the rules over a normalised message; <paramref name="used"/> gets each token's "is used" flag (not quoted, not talked about).</summary>
    public static RuleReading Read(NormalizedText text, Span<bool> used)
    {
        var tokens = text.TokenArray;
        var mentioned = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            used[i] = !text.QuotedArray[i] && !TalkedAbout(tokens, i);
            mentioned += used[i] ? 0 : 1;
        }

        var calmEnd = CalmEnd(tokens, used);
        var urgentWord = false;
        for (var i = 0; i < tokens.Length && !urgentWord; i++)
        {
            urgentWord = used[i] && IsUrgentWord(tokens[i]) && !Negated(tokens, i) && (calmEnd < 0 || i > calmEnd);
        }

        var calm = calmEnd >= 0 && !TurnsAfter(tokens, calmEnd);
        var addressed = Array.IndexOf(tokens, "<mention>") >= 0 || text.StartsAddressed;
        return new RuleReading(urgentWord, calm, mentioned, addressed, text.IsCommand);
    }

    /// <summary>An urgent word, or a typo of one ("urgnet", "dringed"): the first letter and the length hold, one edit.</summary>
    internal static bool IsUrgentWord(string token) =>
        UrgentWords.Contains(token) || token.Length >= 6 && (Typo.IsWithin(token, "urgent") || Typo.IsWithin(token, "dringend"));

    /// <summary>An urgent word talked about: a talk-about word within three before it or four after it ("take URGENT out of the subject").</summary>
    private static bool TalkedAbout(string[] tokens, int i)
    {
        if (!IsUrgentWord(tokens[i]))
        {
            return false;
        }

        for (var j = Math.Max(0, i - 3); j <= Math.Min(tokens.Length - 1, i + 4); j++)
        {
            if (j != i && TalkAbout.Contains(tokens[j]))
            {
                return true;
            }
        }

        // "as urgent" after a verb of marking further away: "mark all these mails as urgent".
        return i >= 1 && tokens[i - 1] is "as" or "als" or "comme" && Array.Exists(tokens[Math.Max(0, i - 6)..i], TalkAbout.Contains);
    }

    private static bool Negated(string[] tokens, int i)
    {
        for (var j = Math.Max(0, i - 3); j < i; j++)
        {
            if (Negations.Contains(tokens[j]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the last calming phrase ends, or -1: a calming pair, or an urgent word in the negative.</summary>
    private static int CalmEnd(string[] tokens, ReadOnlySpan<bool> used)
    {
        var end = -1;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (used[i] && IsUrgentWord(tokens[i]) && Negated(tokens, i))
            {
                end = i;
                continue;
            }

            foreach (var (first, second) in CalmPairs)
            {
                if (tokens[i] == first && Array.IndexOf(tokens, second, i + 1, Math.Min(3, tokens.Length - i - 1)) is var at && at > i)
                {
                    end = Math.Max(end, at);
                }
            }
        }

        return end;
    }

    private static bool TurnsAfter(string[] tokens, int index)
    {
        for (var i = index + 1; i < tokens.Length; i++)
        {
            if (Turns.Contains(tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenSet<string> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
