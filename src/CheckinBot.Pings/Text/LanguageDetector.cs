using System.Collections.Frozen;

namespace CheckinBot.Pings.Text;

/// <summary>
/// Tells Dutch, English and French apart by their function words. A word shared by two languages
/// ("de", "en", "je", "is") counts half for each. Ties go to French when the text had accents,
/// else to English.
/// </summary>
internal static class LanguageDetector
{
    public const string Dutch = "nl";
    public const string English = "en";
    public const string French = "fr";

    private static readonly FrozenSet<string> DutchWords = Set(
        "de het een en is ik je jij u we wij hij zij niet van met voor op aan wat hoe ben bent heb hebt kan kun kunt wel " +
        "maar graag ook dat die deze er ermee eraan mij mijn nog al even zijn staat sta zit klaar dringend nieuws hoi waar " +
        "wanneer bezig begonnen gaat laat weten aub nu zo eens moet mag jullie alles iets geen dank bedankt amai ja nee " +
        "hier naar wil zet zie tot om uit als dan bij doen doe hebben gedaan gelukt lukt hoeveel ver verder mee af rond " +
        "wacht vandaag morgen gisteren facturen nieuwsbrief boeking polsen seintje allez goed fijn mooi welk welke lang " +
        "onze ons jouw hem haar wie zoals echt alstublieft hoor he ge gij zijt");

    private static readonly FrozenSet<string> EnglishWords = Set(
        "the a an you your is are it to on for with and any how what where when did do does have has had yet done please " +
        "can could thanks thank my i me of in at this that so just be will was we there ok not no get got need know " +
        "let still from our all been send s t by if or up out about should would hey great love sorry one yes nope cool " +
        "going far news word much many which who why then than its im don");

    private static readonly FrozenSet<string> FrenchWords = Set(
        "le la les des un une tu est et pour sur avec ca quoi ou en de du que qui pas c t l d m s n qu stp merci alors deja " +
        "il elle on nous vous sont as es fait bien tout suite quand ce cette mes mon ma ton ta tes au aux mais tres mettre " +
        "peux peut faut je me te y dans moi toi point nouvelles avance dis bonjour salut ai avez sera seras fini pret " +
        "petit petite besoin rien super oui non " + TextNormalizer.Where);

    public static string Detect(NormalizedText text)
    {
        var (dutch, english, french) = Scores(text.TokenArray);
        if (french > dutch && french > english)
        {
            return French;
        }

        if (dutch > english && dutch > french)
        {
            return Dutch;
        }

        if (english > dutch && english > french)
        {
            return English;
        }

        return text.HadAccents && french >= dutch && french >= english ? French : English;
    }

    /// <summary>How much the words speak for each language; see <see cref="LanguageScores"/>.</summary>
    internal static LanguageScores Scores(string[] tokens)
    {
        double dutch = 0, english = 0, french = 0;
        foreach (var token in tokens)
        {
            var inDutch = DutchWords.Contains(token);
            var inEnglish = EnglishWords.Contains(token);
            var inFrench = FrenchWords.Contains(token);
            var shared = (inDutch ? 1 : 0) + (inEnglish ? 1 : 0) + (inFrench ? 1 : 0);
            if (shared == 0)
            {
                continue;
            }

            var share = 1.0 / shared;
            dutch += inDutch ? share : 0;
            english += inEnglish ? share : 0;
            french += inFrench ? share : 0;
        }

        return new LanguageScores(dutch, english, french);
    }

    /// <summary>Accepts a hint such as "nl", "NL" or "fr-BE"; returns null when it names none of the three.</summary>
    public static string? FromHint(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint) || hint.Length < 2)
        {
            return null;
        }

        var prefix = hint.AsSpan(0, 2);
        if (prefix.Equals(Dutch, StringComparison.OrdinalIgnoreCase))
        {
            return Dutch;
        }

        if (prefix.Equals(English, StringComparison.OrdinalIgnoreCase))
        {
            return English;
        }

        return prefix.Equals(French, StringComparison.OrdinalIgnoreCase) ? French : null;
    }

    private static FrozenSet<string> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
