using System.Collections.Frozen;
using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Rules;

/// <summary>
/// The rule that reads a message against the VA's open work: a message is about an open task when one of its words
/// (used, not quoted or talked about) shares a content word with one of the open tasks' titles, both read through the
/// same <see cref="TextNormalizer"/> (case, accents, the VA's name read as a mention). Two words are shared when they are
/// equal or share a stem of at least <see cref="MinStem"/> letters ("facture" / "factures", "photographer" /
/// "photographe"); the stem also tolerates a typo after the fifth letter ("newsleter" / "newsletter"). The rules' edit
/// tolerance (<see cref="Typo"/>) is not used: one edit anywhere makes "contract" the "contact" of another task. A content
/// word has at least <see cref="MinLetters"/> letters, only letters, and is none of the general words of
/// <see cref="StopWords"/>: numbers, the VA's name (a mention), "the", "will", "today", "please" say nothing of which
/// task is meant. The model reads text only; this rule is what the bot knows beside it.
/// </summary>
internal static class AboutOpenTask
{
    /// <summary>The fewest letters of a content word: "deck", "site", "mail" count, "ad", "the", "SEO" do not.</summary>
    public const int MinLetters = 4;

    /// <summary>The fewest letters two different words must open alike to share a stem.</summary>
    public const int MinStem = 5;

    /// <summary>
    /// General words of en, nl and fr that name no task: articles, pronouns, prepositions, conjunctions, auxiliaries and
    /// common verbs, question words, words of time and of chat. Written from the languages, not from any corpus.
    /// </summary>
    private static readonly FrozenSet<string> StopWords = (
        // English
        "about above after again against also another anything back been before being below between both could does doing done " +
        "down during each ever every from have having here into just last like made make many more most much must next once only other " +
        "over same should some still such than that their them then there these they thing things this those through today tomorrow " +
        "tonight under until very want week weeks were what when where which while will with would your yours yesterday morning afternoon " +
        "evening monday tuesday wednesday thursday friday saturday sunday month year already soon later " +
        "please thanks thank okay sure maybe quick check checking news update updates status going gonna wanna " +
        "anyone someone something everything nothing finally " +
        // Dutch
        "alle alles alleen ander andere beetje best daar daarna deze doen door echt eens eigenlijk even geen " +
        "gedaan geweest graag heeft hebben heel hier iets jouw jullie kunnen laat maar meer mijn moet moeten " +
        "morgen naar niet niets omdat onze vandaag voor vanaf vanavond vanmorgen vanmiddag wanneer waar weer " +
        "welke werd wordt worden zijn zullen zich zeker zoals maandag dinsdag woensdag donderdag vrijdag zaterdag zondag " +
        "maand jaar gisteren straks bedankt dank dankje alvast gelukt klaar nieuws stand zaken effe eventjes " +
        // French
        "alors aussi autre autres avant avec avoir beaucoup bien cela celle celui cette ceux chez comme comment dans depuis " +
        "deja demain dont elle elles encore entre etait etre fait faire faut leur leurs lundi mardi mercredi jeudi vendredi samedi " +
        "dimanche mais meme merci mois moins notre nous nouvelles parce pendant peut plus pour pourquoi quand quel quelle " +
        "quelles quels quoi sans sont sous suis tout toute toutes tous tres vers votre vous aujourd aujourdhui semaine soir matin " +
        "apres annee bientot point")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the message shares a content word with one of <paramref name="titles"/>; <paramref name="used"/> says which
    /// of its tokens are used (<see cref="PingRules.Read"/>). The titles are read with the same <paramref name="names"/>
    /// as the message, so that the VA's name in a title is no word of it.
    /// </summary>
    public static bool Matches(NormalizedText text, ReadOnlySpan<bool> used, IReadOnlyList<string> titles, IReadOnlyCollection<string>? names)
    {
        if (titles.Count == 0)
        {
            return false;
        }

        var tokens = text.TokenArray;
        foreach (var title in titles)
        {
            foreach (var word in TextNormalizer.Normalize(title, names).TokenArray)
            {
                if (!IsContentWord(word))
                {
                    continue;
                }

                for (var i = 0; i < tokens.Length; i++)
                {
                    if (used[i] && IsContentWord(tokens[i]) && Shared(tokens[i], word))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>A word that may name a task: letters only, at least <see cref="MinLetters"/> of them, no stop word.</summary>
    internal static bool IsContentWord(string token)
    {
        if (token.Length < MinLetters || StopWords.Contains(token))
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The same word, or a shared stem of <see cref="MinStem"/> letters or more.</summary>
    internal static bool Shared(string a, string b) =>
        a == b || CommonPrefix(a, b) >= MinStem;

    private static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }

        return i;
    }
}
