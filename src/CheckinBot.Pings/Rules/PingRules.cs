using System.Collections.Frozen;
using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Rules;

/// <summary>
/// The few rules for what data cannot teach reliably, in general words of nl/en/fr (no phrase from a corpus):
/// <list type="number">
/// <item>a quoted or talked-about word is not used: "take URGENT out of the subject line", "the word 'dringend'",
/// "zet overal dringend in de mails", "pour lui tout est urgent", and the urgent matters of a referral line ("for urgent
/// matters call Tom", "voor dringende zaken bel Piet", "pour les affaires urgentes") and of an exception ("don't ring
/// unless it's urgent", "sauf urgence"); once a message talks about an urgent word, no urgent
/// word in it is used (it is about the word), and the model alone must find an emergency in the rest;</item>
/// <item>"no rush", "niks dringends", "pas pressé" calm a message, unless something after "but" takes it back; "not
/// urgent, but …" stays calm: the turn leads to the request;</item>
/// <item>the VA's name reads as a mention (done by the normaliser, which is given her name);</item>
/// <item>an explicit urgent word or its shorthand ("asap", "zsm") outside quotes, not negated (a negation reaches only
/// within its own sentence: "it does not work. Fix asap" is urgent), makes the message urgent;
/// but not on its own in a message that laughs ("haha", "lol", "mdr", "😂"), where it may be said in jest ("I urgently
/// need a holiday 😂") as well as beside a real emergency ("asap, they deliver 40 kg instead of 14 😂"): there the model
/// decides, the urgent word one of its features as everywhere.</item>
/// <item>a message that opens with an @mention of someone else ("@Tom any news on the deck?") and mentions the VA
/// nowhere is a question to that person: the bot does not answer it as a status check of her work, whatever the model
/// says (it still escalates an emergency). The model weighs who is addressed too, but few rows teach it, and a
/// question to a colleague reads like one to the VA in every other word.</item>
/// </list>
/// </summary>
internal static class PingRules
{
    /// <summary>
    /// Words that say urgent outright, and their usual shorthand: "asap" (as soon as possible, also "a.s.a.p."), "zsm"
    /// (Dutch "zo snel mogelijk", also "z.s.m."; the normaliser joins letters written with dots).
    /// </summary>
    private static readonly FrozenSet<string> UrgentWords = Set(
        "urgent urgente urgents urgentes urgently urgence urgences urgentissime dringend dringende spoed spoedgeval asap zsm emergency noodgeval");

    /// <summary>Words that put the next urgent word in the negative: "not urgent", "niet dringend", "pas urgent", "rien d'urgent"; "ni" is both the Flemish "niet" ("'t is ni dringend") and the French "neither/nor" ("ni urgent ni important").</summary>
    private static readonly FrozenSet<string> Negations = Set(
        "not no nothing non niet geen niks niets pas rien aucune aucun sans nie ni never nooit jamais isn");

    /// <summary>
    /// English auxiliaries whose "n't" negates ("wasn't urgent", "doesn't look urgent"): the "t" is a negation only after
    /// one of them. A "t" alone is the Dutch "het" typed without its apostrophe ("t is dringend").
    /// </summary>
    private static readonly FrozenSet<string> ContractedAuxiliaries = Set(
        "isn aren wasn weren don doesn didn can couldn won wouldn shouldn haven hasn hadn mustn needn ain");

    /// <summary>Possessives: a negation before one of them does not reach an urgent word after it ("don't have her emergency contact").</summary>
    private static readonly FrozenSet<string> Possessives = Set(
        "my your his her its our their mijn jouw zijn haar ons onze hun uw mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs");

    /// <summary>
    /// Nouns and verbs that talk about a word rather than use it: a subject line, a label, to mark something as urgent.
    /// Not "term" / "terme": near an urgent word they are more often terms of business ("term sheet", "à court terme")
    /// than talk about a word, and a term talked about is quoted.
    /// </summary>
    private static readonly FrozenSet<string> TalkAbout = Set(
        "word words woord woorden mot mots subject onderwerp onderwerpregel objet title titel titre label labels tag tags " +
        "flag flagged flagging mark marks marked marking markeer markeert markeren gemarkeerd marquer marque marques marquez marquee hashtag " +
        "tagging tagged labelled labeling labelling definition definitions definitie definities");

    /// <summary>
    /// Verbs of writing or putting a word somewhere, by language: "put URGENT on every ticket", "zet overal dringend",
    /// "mettre URGENT partout". Each counts only in a message of its own language (<see cref="LanguageScores.Leads"/>):
    /// the French "met" (puts) is the Dutch "met" (with) in "met spoed in orde brengen".
    /// </summary>
    private static readonly (string Language, FrozenSet<string> Verbs)[] Writing =
    [
        (LanguageDetector.English, Set("put puts putting write writes writing wrote type types typing add adds adding")),
        (LanguageDetector.Dutch, Set("zet zetten zette zetje schrijf schrijft schrijven schreef typ typt typen")),
        (LanguageDetector.French, Set("mettre mets met mettez mettent mis ecrire ecris ecrit ecrivez ecrivent ajoute ajouter ajoutez")),
    ];

    /// <summary>Where a written word goes, right after it: everywhere, in, on, above ("dringend in haar mails", "URGENT partout").</summary>
    private static readonly FrozenSet<string> Places = Set("everywhere overal partout in into on onto above op boven bovenaan dans sur");

    /// <summary>
    /// A word for everything right before an urgent word, or before a copula right before it, makes it a habit talked
    /// about: "alles dringend", "everything is urgent", "alles is dringend", "tout est urgent". Another word between
    /// leaves the urgent word used: "can you move everything today asap".
    /// </summary>
    private static readonly FrozenSet<string> Everything = Set("everything alles tout");

    /// <summary>
    /// The urgent shorthands, which are adverbs ("send it asap", "stuur het zsm"): an article or a demonstrative right
    /// before one makes it a noun, the word itself talked about ("the ASAP in his mail", "ce ASAP dans son mail").
    /// </summary>
    private static readonly FrozenSet<string> Shorthands = Set("asap zsm");

    /// <summary>
    /// Articles and demonstratives that make a shorthand a noun. Not the words that are also pronouns, the thing to be
    /// done before the adverb: "do this asap", "send that asap", "stuur het zsm", "stuur deze zsm", "envoie-le asap",
    /// "fais-les asap". Not the Dutch "die" and "dat" nor the English "which" either: they also open a clause in which the
    /// shorthand is used ("de factuur die zsm betaald moet worden").
    /// </summary>
    private static readonly FrozenSet<string> Articles = Set("the a an de un une ce cet cette ces");

    /// <summary>
    /// Words that make an exception for urgency: "don't ring unless it's urgent", "sauf urgence", "tenzij het dringend
    /// is", "behalve bij een noodgeval". The urgent word after one, up to five words on ("unless it's a real emergency",
    /// "sauf si c'est vraiment urgent"), says what would be urgent.
    /// </summary>
    private static readonly FrozenSet<string> Exceptions = Set("unless except excepting tenzij behalve uitgezonderd sauf hormis excepte");

    /// <summary>
    /// The urgent words that name urgency rather than say how to act, the ones an exception can name: all but the
    /// shorthands and "urgently" ("unless you send it asap we lose the slot").
    /// </summary>
    private static readonly FrozenSet<string> NamingUrgency =
        UrgentWords.Where(word => !Shorthands.Contains(word) && word != "urgently").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The copulas that may stand between a word for everything and an urgent word.</summary>
    private static readonly FrozenSet<string> Copulas = Set("is are was were seems zijn waren lijkt est sont etait etaient semble");

    /// <summary>
    /// Matters a referral line sends elsewhere, qualified by an urgent word: "for urgent matters call …", "voor dringende
    /// zaken bel …", "pour les affaires urgentes …", "en cas d'urgence …", "voor iets dringends bel …".
    /// </summary>
    private static readonly FrozenSet<string> Matters = Set(
        "matters matter cases case questions question issues queries enquiries inquiries requests " +
        "zaken zaak gevallen geval vragen vraag kwesties kwestie " +
        "affaires affaire cas questions question demandes demande iets");

    /// <summary>
    /// Urgent words that are nouns, the matters themselves after an opening word and a determiner: "pour toute urgence",
    /// "for any emergency". Not after "en": "en toute urgence" is "most urgently".
    /// </summary>
    private static readonly FrozenSet<string> UrgentNouns = Set("urgence urgences emergency");

    /// <summary>The words that open a referral line before the matters: "for", "in", "voor", "bij", "pour", "en".</summary>
    private static readonly FrozenSet<string> Referrals = Set("for in voor bij pour en");

    /// <summary>Words that may stand between the opening word and the urgent word of a referral line: "for any urgent …", "pour toute question urgente", "en cas d'urgence".</summary>
    private static readonly FrozenSet<string> Determiners = Set("any all the of alle de d les le la toute toutes tout tous");

    /// <summary>
    /// Words of laughter: "lol", "mdr" (mort de rire), "jk" (just kidding). Not the words for a joke ("kidding", "grapje",
    /// "blague", "rigole"): negated they say the opposite ("I'm not kidding, it's urgent", "sans blague", "geen grapje").
    /// </summary>
    private static readonly FrozenSet<string> Laughs = Set("lol lool lmao lmfao rofl mdr ptdr jk");

    /// <summary>"no rush", "geen haast", "pas pressé": it can wait. Pairs of words, the second within two of the first.</summary>
    private static readonly (string First, string Second)[] CalmPairs =
    [
        ("no", "rush"), ("no", "hurry"), ("not", "rush"), ("t", "rush"), ("take", "time"), ("t", "stress"), ("no", "stress"),
        ("geen", "haast"), ("geen", "spoed"), ("geen", "stress"), ("niet", "haasten"), ("neem", "tijd"), ("geen", "dringends"),
        ("pas", "presse"), ("pas", "pressee"), ("rien", "presse"), ("pas", "rush"), ("prends", "temps"), ("pas", "stress"),
    ];

    /// <summary>A turn after which a calming phrase no longer holds: "no rush on the rest, but the checkout is broken".</summary>
    private static readonly FrozenSet<string> Turns = Set("but maar mais toch however cependant pourtant alleen except behalve sauf");

    /// <summary>Reads the rules over a normalised message; <paramref name="used"/> gets each token's "is used" flag (not quoted, not talked about).</summary>
    public static RuleReading Read(NormalizedText text, Span<bool> used)
    {
        var tokens = text.TokenArray;
        var urgentTalkedAbout = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            used[i] = !text.QuotedArray[i] && !TalkedAbout(tokens, i);
            urgentTalkedAbout |= !used[i] && IsUrgentWord(tokens[i]);
        }

        var mentioned = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            // The message is about the word: "stop marking them as 'urgent', they're all urgent to him".
            used[i] &= !(urgentTalkedAbout && IsUrgentWord(tokens[i]));
            mentioned += used[i] ? 0 : 1;
        }

        var ends = text.EndsSentenceArray;
        var calmEnd = CalmEnd(tokens, ends, used, out var saidNotUrgent);
        var urgentWord = false;
        for (var i = 0; i < tokens.Length && !urgentWord; i++)
        {
            urgentWord = used[i] && IsUrgentWord(tokens[i]) && !Negated(tokens, ends, i) && (calmEnd < 0 || i > calmEnd);
        }

        // "Not urgent, but could you …" is how a request that can wait is put; "no rush on the rest, but the checkout is
        // broken" turns away from the calm.
        var calm = saidNotUrgent || calmEnd >= 0 && !TurnsAfter(tokens, calmEnd);
        var addressed = Array.IndexOf(tokens, "<mention>") >= 0 || text.StartsAddressed;
        var laughs = text.LaughingEmoji || Array.Exists(tokens, Laughing);
        return new RuleReading(urgentWord, calm, mentioned, addressed, text.IsCommand, urgentTalkedAbout, Asked: text.QuestionMarks > 0, Laughs: laughs,
            ToSomeoneElse: text.OpensOnSomeoneElse && !addressed);
    }

    /// <summary>A word of laughter: "haha", "hahaha", "hihi", "hehe" (an h and a vowel, twice or more), or one of <see cref="Laughs"/>.</summary>
    private static bool Laughing(string token)
    {
        if (Laughs.Contains(token))
        {
            return true;
        }

        if (token.Length < 4 || token[0] != 'h' || token[1] is not ('a' or 'e' or 'i'))
        {
            return false;
        }

        for (var i = 2; i < token.Length; i++)
        {
            if (token[i] != token[i % 2])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An urgent word, or a typo of one ("urgnet", "dringed"): the first letter and the length hold, one edit.</summary>
    internal static bool IsUrgentWord(string token) =>
        UrgentWords.Contains(token) || token.Length >= 6 && (Typo.IsWithin(token, "urgent") || Typo.IsWithin(token, "dringend"));

    /// <summary>
    /// An urgent word talked about: a talk-about word within three before it or four after it ("take URGENT out of the
    /// subject"); a verb of writing up to two before it and a place right after it or between ("zet overal dringend",
    /// "mettre URGENT partout", "writes urgent on everything"); a word for everything right before it or before a copula before it ("alles is dringend");
    /// a shorthand after an article ("the ASAP in his mail"); urgency named by an exception ("unless it's urgent"). Never
    /// the adverb "de toute urgence" / "en toute urgence" (most urgently): that is a use.
    /// </summary>
    private static bool TalkedAbout(string[] tokens, int i)
    {
        if (!IsUrgentWord(tokens[i]))
        {
            return false;
        }

        if (EverythingBefore(tokens, i) || WritingNear(tokens, i - 2, i - 1) && (Near(tokens, i - 1, i - 1, Places) || Near(tokens, i + 1, i + 1, Places)))
        {
            return true;
        }

        // "de toute urgence", "en toute urgence": one adverb, "most urgently", so the word is used whatever stands near.
        if (InTheAdverbMostUrgently(tokens, i))
        {
            return false;
        }

        if (Near(tokens, i - 3, i + 4, TalkAbout) || ReferredElsewhere(tokens, i))
        {
            return true;
        }

        if (i >= 1 && Shorthands.Contains(tokens[i]) && Articles.Contains(tokens[i - 1]))
        {
            return true;
        }

        // "anything urgent, text Jo", "if anything urgent comes up": a thing that may come, not one that has.
        if (i >= 1 && tokens[i - 1] == "anything")
        {
            return true;
        }

        // "if something urgent comes in", "als er iets dringends is", "s'il y a quelque chose d'urgent": the same.
        if (SomethingAfterIf(tokens, i))
        {
            return true;
        }

        // "no calls unless it's urgent", "sauf urgence": the exception names urgency, it does not raise it.
        if (NamingUrgency.Contains(tokens[i]) && Near(tokens, i - 5, i - 1, Exceptions))
        {
            return true;
        }

        // "as urgent" after a verb of marking further away: "mark all these mails as urgent".
        return i >= 1 && tokens[i - 1] is "as" or "als" or "comme" && Array.Exists(tokens[Math.Max(0, i - 6)..i], TalkAbout.Contains);
    }

    /// <summary>The French adverb "de toute urgence" or "en toute urgence" (most urgently), ending at the urgent word.</summary>
    private static bool InTheAdverbMostUrgently(string[] tokens, int i) =>
        i >= 2 && tokens[i] == "urgence" && tokens[i - 1] == "toute" && tokens[i - 2] is "de" or "en";

    /// <summary>
    /// "Something" right before the urgent word ("something urgent", "iets dringends", "quelque chose d'urgent") with a
    /// word for "if" up to four words before it ("if", "als", "indien", "mocht", "si", and the French "s'" before "il"):
    /// a thing that may come. Without the "if" it has come: "it's something urgent", "j'ai quelque chose d'urgent".
    /// </summary>
    private static bool SomethingAfterIf(string[] tokens, int i)
    {
        var something = i >= 1 && tokens[i - 1] is "something" or "iets" ? i - 1
            : i >= 3 && tokens[i - 1] == "d" && tokens[i - 2] == "chose" && tokens[i - 3] == "quelque" ? i - 3
            : -1;
        for (var j = something - 1; something > 0 && j >= Math.Max(0, something - 4); j--)
        {
            if (tokens[j] is "if" or "als" or "indien" or "mocht" or "mochten" or "si" ||
                tokens[j] == "s" && j + 1 < tokens.Length && tokens[j + 1] is "il" or "ils")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word for everything right before the urgent word, or two before it with a copula between.</summary>
    private static bool EverythingBefore(string[] tokens, int i) =>
        i >= 1 && Everything.Contains(tokens[i - 1]) || i >= 2 && Everything.Contains(tokens[i - 2]) && Copulas.Contains(tokens[i - 1]);

    /// <summary>
    /// An urgent word that qualifies matters in a referral line: "for urgent matters", "in urgent cases", "voor
    /// dringende zaken", "pour les affaires urgentes", "en cas d'urgence". Walking back from the urgent word over matters
    /// and determiners (at most three words), an opening word must come; a word for matters must stand among them or
    /// right after the urgent word. "I have an urgent matter" and "urgent matter: …" have no opening word: they are used.
    /// </summary>
    private static bool ReferredElsewhere(string[] tokens, int i)
    {
        var matters = i + 1 < tokens.Length && Matters.Contains(tokens[i + 1]);
        for (var j = i - 1; j >= Math.Max(0, i - 4); j--)
        {
            if (Referrals.Contains(tokens[j]))
            {
                return matters || UrgentNouns.Contains(tokens[i]) && j < i - 1 && tokens[j] != "en";
            }

            if (Matters.Contains(tokens[j]))
            {
                matters = true;
            }
            else if (!Determiners.Contains(tokens[j]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether a token from <paramref name="from"/> to <paramref name="to"/> (clipped to the message) is one of <paramref name="words"/>.</summary>
    private static bool Near(string[] tokens, int from, int to, FrozenSet<string> words)
    {
        for (var j = Math.Max(0, from); j <= Math.Min(tokens.Length - 1, to); j++)
        {
            if (words.Contains(tokens[j]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a verb of writing from <paramref name="from"/> to <paramref name="to"/> is in the message's own language;
    /// the message's languages are scored once, and only when a verb of writing of some language is there.
    /// </summary>
    private static bool WritingNear(string[] tokens, int from, int to)
    {
        LanguageScores? scores = null;
        foreach (var (language, verbs) in Writing)
        {
            if (Near(tokens, from, to, verbs))
            {
                scores ??= LanguageScores.Of(tokens);
                if (scores.Value.Leads(language))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A negation up to three words before the urgent word in its own sentence, with no possessive between them: "not
    /// urgent", "niet zo dringend", "pas d'urgence", but not "don't have her emergency contact", where the urgent word is
    /// part of what is had, not what is said of the message, nor "it does not work. Fix asap", where the negation
    /// ends with the sentence before.
    /// </summary>
    private static bool Negated(string[] tokens, bool[] endsSentence, int i)
    {
        for (var j = i - 1; j >= Math.Max(0, i - 3) && !endsSentence[j]; j--)
        {
            if (Possessives.Contains(tokens[j]))
            {
                return false;
            }

            if (Negations.Contains(tokens[j]) || (tokens[j] == "t" && j > 0 && ContractedAuxiliaries.Contains(tokens[j - 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the last calming phrase ends, or -1: a calming pair, or an urgent word in the negative
    /// (<paramref name="saidNotUrgent"/>).
    /// </summary>
    private static int CalmEnd(string[] tokens, bool[] endsSentence, ReadOnlySpan<bool> used, out bool saidNotUrgent)
    {
        var end = -1;
        saidNotUrgent = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (used[i] && IsUrgentWord(tokens[i]) && Negated(tokens, endsSentence, i))
            {
                end = i;
                saidNotUrgent = true;
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
