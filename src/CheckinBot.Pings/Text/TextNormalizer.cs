using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CheckinBot.Pings.Text;

/// <summary>
/// Turns a chat message into <see cref="NormalizedText"/>: folds case and diacritics, collapses
/// elongations ("updaaaate" → "update"), names the emoji that carry meaning, replaces links by
/// "&lt;url&gt;", and maps chat shorthand and Flemish forms onto the words the rules use
/// ("ge" → "je", "zijde" → "bent je", "pls" → "please", "wnr" → "wanneer"). Words between quotation marks are
/// marked as quoted: a word that is quoted is talked about, not used.
/// </summary>
internal static partial class TextNormalizer
{
    /// <summary>Stands in for a mention of a person while the text is folded.</summary>
    private const char MentionMark = '\uE000';

    /// <summary>Stands in for an @mention of someone who is not the VA ("@Tom did you…") while the text is folded.</summary>
    private const char SomeoneMark = '\uE001';

    /// <summary>Stands in for French "où" while the text is folded (see <see cref="Where"/>).</summary>
    private const char WhereMark = '\uE002';

    /// <summary>The characters that stand in for words while a message is folded.</summary>
    private static readonly SearchValues<char> Marks = SearchValues.Create([MentionMark, SomeoneMark, WhereMark]);

    /// <summary>The token of French "où", which folds to the letters of "ou" (or).</summary>
    internal const string Where = "<où>";

    /// <summary>The token of an @mention of someone other than the VA.</summary>
    internal const string Someone = "<someone>";

    /// <summary>Longer messages are cut: what matters comes early.</summary>
    internal const int MaxTokens = 120;

    private static readonly FrozenDictionary<string, string[]> Shorthand = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // Flemish
        ["ge"] = ["je"],
        ["gij"] = ["jij"],
        ["zijde"] = ["bent", "je"],
        ["zijt"] = ["bent"],
        ["hebde"] = ["heb", "je"],
        ["kunde"] = ["kun", "je"],
        ["da"] = ["dat"],
        ["wa"] = ["wat"],
        ["hoever"] = ["hoe", "ver"],
        // Dutch chat
        ["ff"] = ["even"],
        ["effe"] = ["even"],
        ["wnr"] = ["wanneer"],
        ["idd"] = ["inderdaad"],
        // English chat
        ["pls"] = ["please"],
        ["plz"] = ["please"],
        ["plse"] = ["please"],
        ["thx"] = ["thanks"],
        ["thnx"] = ["thanks"],
        ["tnx"] = ["thanks"],
        ["ty"] = ["thanks"],
        ["ur"] = ["your"],
        ["ya"] = ["you"],
        ["w"] = ["with"],
        ["abt"] = ["about"],
        ["r"] = ["are"],
        ["rn"] = ["right", "now"],
        ["whats"] = ["what", "s"],
        ["hows"] = ["how", "s"],
        ["wheres"] = ["where", "s"],
        // French chat
        ["svp"] = ["stp"],
        ["qd"] = ["quand"],
        ["qnd"] = ["quand"],
        ["mtn"] = ["maintenant"],
        ["tt"] = ["tout"],
        ["bcp"] = ["beaucoup"],
        ["pr"] = ["pour"],
        ["tjrs"] = ["toujours"],
        ["tjs"] = ["toujours"],
        ["qqch"] = ["quelque", "chose"],
        ["thru"] = ["through"],
        ["didnt"] = ["didn", "t"],
        ["doesnt"] = ["doesn", "t"],
        ["cant"] = ["can", "t"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What the Dutch and Flemish elisions stand for: 't is "het", 'k "ik", 'n "een", 'm "hem", 'r "er", 's "des".</summary>
    private static readonly FrozenDictionary<string, string> Elisions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["t"] = "het",
        ["k"] = "ik",
        ["n"] = "een",
        ["m"] = "hem",
        ["r"] = "er",
        ["s"] = "des",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Capitalised words that open a message with a comma without calling anyone else: greetings, interjections, urgent
    /// words, titles, and terms of endearment (which call the person written to, the VA).
    /// </summary>
    private static readonly FrozenSet<string> NotNames = (
        "hi hey hello hiya morning evening afternoon thanks thank sorry ok okay yes no yeah yep nope well so also btw ps right great cool nice perfect " +
        "wow oops oh ah haha hmm quick urgent emergency help please asap zsm sir madam guys folks team all everyone update reminder and but " +
        "hoi hallo hey dag daag goeiemorgen goedemorgen goeiemiddag goedemiddag goedenavond dank bedankt merci sorry ja nee jep oke allez allee amai " +
        "zeg seg awel ewel trouwens enfin goed top super dringend spoed noodgeval help snel mevrouw meneer iedereen allemaal jongens mensen en maar " +
        "bonjour bonsoir salut coucou allo alors bon dis ecoute oui non merci pardon oups parfait super franchement sinon bref urgent urgence vite " +
        "madame monsieur tous et mais donc voila euh " +
        "yo hola ciao hej ey eh he ho hee moi moin goeiedag goedendag pis puis re " +
        "love darling dear hun hon honey babe sweetie sweetheart mate buddy pal " +
        "lieverd lieve schat schatje liefje meid meis meiske kerel maat cherie cheri chouchou cocotte " +
        "pff pfff ugh argh gosh jeez eish shame meh nah hm ooh ouch joh jee jeetje tjonge oei oef goh waw pfoe " +
        "tiens coudonc rebonjour ouf aie ouille bof bah zut mince ouin")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Normalises one message.</summary>
    /// <param name="text">The message.</param>
    /// <param name="names">First names of the people who may be addressed by name ("Ina??", "Ina when will…"); they read as mentions.</param>
    /// <param name="ids">
    /// Their platform user ids: a platform's mention of one of them ("&lt;@U0123ABC&gt;") reads as a mention, of any other
    /// id as someone else, the same tokens as "@Ina" and "@Tom" in the corpora. Without ids a platform's mention cannot be
    /// told and reads as a mention.
    /// </param>
    public static NormalizedText Normalize(string text, IReadOnlyCollection<string>? names = null, IReadOnlyCollection<string>? ids = null)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Lone surrogates and noncharacters make string.Normalize throw; they carry no meaning, so they are replaced.
        text = CheckinBot.Core.Commands.Words.Clean(text);

        // The marks below stand in for words while the text is folded; typed by a user they are no word at all.
        if (text.AsSpan().IndexOfAny(Marks) >= 0)
        {
            text = string.Create(text.Length, text, static (span, source) =>
            {
                source.AsSpan().CopyTo(span);
                for (var at = span.IndexOfAny(Marks); at >= 0; at = span.IndexOfAny(Marks))
                {
                    span[at] = ' ';
                }
            });
        }

        var trimmed = text.AsSpan().TrimStart();
        var isCommand = trimmed.Length > 1 && trimmed[0] == '/' && char.IsLetter(trimmed[1]);

        // "@Ina", "<@U123>", "Ina??": the VA addressed says nothing about what is asked. "@Tom" (when the VA's names are
        // known and Tom is not one of them) is someone else: a question to him is not a status check of her work. So is
        // "<@U_TOM>" when the VA's platform ids are known and U_TOM is not one of them.
        var marked = Mention().Replace(text, match => " " + (IsSomeoneElse(match.ValueSpan, names, ids) ? SomeoneMark : MentionMark) + " ");
        var opensOnSomeoneElse = OpensOnSomeoneElse(text, text.Length - trimmed.Length, names, ids);

        // "z.s.m.", "a.s.a.p.", "s.v.p.": an abbreviation written with dots is one word, as it is written without them
        // ("zsm", "asap", "svp"); the dot after its last letter still ends a sentence.
        marked = DottedInitials().Replace(marked, match => match.Value.Replace(".", "", StringComparison.Ordinal));
        foreach (var name in names ?? [])
        {
            if (name.Length >= 2 && name.All(char.IsLetter))
            {
                marked = MarkName(marked, name);
            }
        }

        marked = MarkVocative(marked, names);

        // French "où" (where: "t'en es où ?") and "ou" (or: "ok ou pas ?") fold to the same letters; the accent is kept
        // apart as a word of its own, so a question about where the work stands weighs apart from an either-or.
        marked = FrenchWhere().Replace(marked, " " + WhereMark + " ");

        var decomposed = marked.Normalize(NormalizationForm.FormD);
        var state = new State();
        var i = 0;
        while (i < decomposed.Length && state.Tokens.Count < MaxTokens)
        {
            if (state.Current.Length == 0 && StartsLink(decomposed, i))
            {
                while (i < decomposed.Length && !char.IsWhiteSpace(decomposed[i]))
                {
                    i++;
                }

                state.Emit("<url>", shouted: false);
                state.HasLink = true;
                continue;
            }

            Rune.DecodeFromUtf16(decomposed.AsSpan(i), out var rune, out var consumed);
            Step(state, decomposed, i, rune);
            i += consumed;
        }

        state.Flush();
        var addressed = state.DropLeadingMentions();
        return new NormalizedText(
            [.. state.Tokens],
            [.. state.Shouted],
            [.. state.EndsSentence],
            [.. state.Asks],
            [.. state.Quoted],
            state.QuestionMarks,
            state.ExclamationMarks,
            state.UpperLetters,
            state.Letters,
            isCommand,
            state.HasLink,
            state.HadAccents,
            addressed,
            state.LaughingEmoji,
            opensOnSomeoneElse);
    }

    private static void Step(State state, string text, int index, Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
        {
            state.HadAccents |= rune.Value is >= 0x300 and < 0x370;
            return;
        }

        if (Rune.IsLetter(rune))
        {
            state.AddLetter(rune);
            return;
        }

        if (Rune.IsDigit(rune))
        {
            state.AddDigit((char)('0' + (int)Rune.GetNumericValue(rune)));
            return;
        }

        switch (rune.Value)
        {
            case '"' or 0x201C or 0x201D or 0x201E or 0xAB or 0xBB:
                state.Flush();
                state.InQuote = rune.Value switch
                {
                    0x201C or 0x201E or 0xAB => true,
                    0x201D or 0xBB => false,
                    _ => !state.InQuote,
                };
                return;
            case '\'' or 0x2018 or 0x2019 when OpensOrClosesQuote(state, text, index):
                state.Flush();
                state.InQuote = !state.InQuote;
                return;
            case '\'' or 0x2018 or 0x2019 when StartsElision(text, index):
                state.Flush();
                state.InElision = true;
                return;
            case MentionMark:
                state.Flush();
                state.Emit("<mention>", shouted: false);
                return;
            case SomeoneMark:
                state.Flush();
                state.Emit(Someone, shouted: false);
                return;
            case WhereMark:
                state.Flush();
                state.Emit(Where, shouted: false);
                return;
            case '?' or 0x2753 or 0x2754:
                state.Flush();
                state.EndQuestion();
                state.QuestionMarks++;
                return;
            case '!' or 0x2757 or 0x2755:
                state.Flush();
                state.EndSentence();
                state.ExclamationMarks++;
                return;
            case 0x203C or 0x2049:
                state.Flush();
                state.EndSentence();
                state.ExclamationMarks += 2;
                return;
            case '.' or '\n' or 0x2026:
                state.Flush();
                state.EndSentence();
                return;
            case '%':
                state.Flush();
                state.Emit("%", shouted: false);
                return;
            case '/' when state.LastIsDigit && index + 1 < text.Length && char.IsDigit(text[index + 1]):
                state.Current.Append('/');
                return;
        }

        state.Flush();
        var emoji = EmojiToken(rune.Value);
        if (emoji is not null)
        {
            state.Emit(emoji, shouted: false);
        }

        state.LaughingEmoji |= rune.Value is 0x1F602 or 0x1F923 or 0x1F605 or 0x1F606 or 0x1F639;
    }

    /// <summary>
    /// A single quote opens a quotation after a space and before a letter ('URGENT' …) when a closing one follows, and
    /// closes one after a letter and before a space or punctuation; inside a word ("l'hôtel", "don't", "aujourd'hui") it
    /// is an apostrophe. So is an elision ('t, 's, 'k, 'n, 'm, 'r: "is 't al klaar?") and a year ('24), and a single
    /// quote that is never closed: each of them, taken for an opening quote, hid the rest of the message.
    /// </summary>
    private static bool OpensOrClosesQuote(State state, string text, int index)
    {
        var before = index == 0 || char.IsWhiteSpace(text[index - 1]) || text[index - 1] is '(' or ':';
        var after = index + 1 >= text.Length || !char.IsLetterOrDigit(text[index + 1]);
        if (state.InQuote)
        {
            return after && !before;
        }

        return before && !after && char.IsLetter(text[index + 1]) && !StartsElision(text, index) && ClosesLater(text, index + 2);
    }

    /// <summary>
    /// The apostrophe at <paramref name="index"/> starts a Dutch or Flemish elision: after a space, one of t, k, n, m, r,
    /// s standing alone ('t, 'k, 'n, 'm, 's morgens). The letter reads as the word it stands for (<see cref="Elisions"/>).
    /// </summary>
    private static bool StartsElision(string text, int index) =>
        (index == 0 || !char.IsLetterOrDigit(text[index - 1]))
        && index + 1 < text.Length && Elisions.ContainsKey(char.ToLowerInvariant(text[index + 1]).ToString())
        && (index + 2 >= text.Length || !char.IsLetterOrDigit(text[index + 2]));

    /// <summary>A single quote from <paramref name="from"/> on closes a quotation: after a non-space, before a space, punctuation or the end.</summary>
    private static bool ClosesLater(string text, int from)
    {
        for (var j = from; j < text.Length; j++)
        {
            if (text[j] is '\'' or '\u2018' or '\u2019' && !char.IsWhiteSpace(text[j - 1])
                && (j + 1 >= text.Length || !char.IsLetterOrDigit(text[j + 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The emoji that change what a message means get a token; the rest are decoration.</summary>
    private static string? EmojiToken(int codePoint) => codePoint switch
    {
        0x1F440 => "<eyes>",
        0x23F0 or 0x23F3 or 0x231B or 0x1F570 => "<clock>",
        0x1F525 => "<fire>",
        0x1F6A8 => "<siren>",
        0x1F198 => "<sos>",
        0x1F64F => "<please>",
        0x1F631 or 0x1F630 => "<scream>",
        0x1F644 or 0x1F629 or 0x1F62C or 0x1F624 or 0x1F612 => "<sigh>",
        0x2B06 or 0x1F53C or 0x2934 => "<up>",
        0x1F44D or 0x1F44C or 0x1F64C or 0x1F44F or 0x1F389 or 0x1F973 => "<praise>",
        0x1F4CE => "<attachment>",
        _ => null,
    };

    private static bool StartsLink(string text, int index)
    {
        var rest = text.AsSpan(index);
        return rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Folds one word the way messages are folded; used for the rules' few words.</summary>
    internal static string FoldWord(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }

    /// <summary>
    /// Marks every whole-word occurrence of <paramref name="name"/> (any case) as a mention. A plain scan, not a
    /// regular expression: a regex built per call with a match timeout threw when the process was starved of CPU.
    /// </summary>
    private static string MarkName(string text, string name)
    {
        var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return text;
        }

        var marked = new StringBuilder(text.Length + 8);
        var from = 0;
        for (; at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + name.Length;
            if (at > 0 && IsWordChar(text[at - 1]) || end < text.Length && IsWordChar(text[end]))
            {
                continue;
            }

            marked.Append(text, from, at - from).Append(' ').Append(MentionMark).Append(' ');
            from = end;
        }

        return marked.Append(text, from, text.Length - from).ToString();
    }

    /// <summary>
    /// An "@name" mention whose name (up to a '.', '_' or '-') is none of the VA's names, or a platform's
    /// "&lt;@U123&gt;" (Slack's older "&lt;@U123|tom&gt;" too) whose id is none of her ids, when her ids are known.
    /// </summary>
    private static bool IsSomeoneElse(ReadOnlySpan<char> mention, IReadOnlyCollection<string>? names, IReadOnlyCollection<string>? ids)
    {
        if (mention.StartsWith("<@"))
        {
            return ids is { Count: > 0 } && !IsOneOf(PlatformId(mention), ids);
        }

        if (names is null || names.Count == 0 || mention.Length < 2 || mention[0] != '@')
        {
            return false;
        }

        var name = mention[1..];
        var end = name.IndexOfAny('.', '_', '-');
        name = end > 0 ? name[..end] : name;
        foreach (var known in names)
        {
            if (name.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the message opens, at <paramref name="start"/> (its first character that is not a space), with an @mention
    /// of someone else that is not the whole channel: what the rule for messages to someone else reads.
    /// </summary>
    private static bool OpensOnSomeoneElse(string text, int start, IReadOnlyCollection<string>? names, IReadOnlyCollection<string>? ids)
    {
        if (start >= text.Length - 1 || text[start] is not ('@' or '<'))
        {
            return false;
        }

        var opening = Mention().Match(text, start);
        return opening.Success && opening.Index == start && IsSomeoneElse(opening.ValueSpan, names, ids) && !IsWholeChannel(opening.ValueSpan);
    }

    /// <summary>"@here", "@channel", "@everyone", "@all": the whole channel, the VA among them.</summary>
    private static bool IsWholeChannel(ReadOnlySpan<char> mention) =>
        mention.Equals("@here", StringComparison.OrdinalIgnoreCase) || mention.Equals("@channel", StringComparison.OrdinalIgnoreCase)
        || mention.Equals("@everyone", StringComparison.OrdinalIgnoreCase) || mention.Equals("@all", StringComparison.OrdinalIgnoreCase);

    /// <summary>The id inside "&lt;@U123&gt;" or "&lt;@U123|tom&gt;".</summary>
    private static ReadOnlySpan<char> PlatformId(ReadOnlySpan<char> mention)
    {
        var id = mention[2..^1];
        var bar = id.IndexOf('|');
        return bar >= 0 ? id[..bar] : id;
    }

    private static bool IsOneOf(ReadOnlySpan<char> id, IReadOnlyCollection<string> ids)
    {
        foreach (var known in ids)
        {
            if (id.Equals(known, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Sarah, is de zaal vastgelegd?": a message that opens on a capitalised word of a first name's length and a comma
    /// calls someone by name; when the VA's names are known and it is none of them (they are marked already) nor a
    /// greeting, an interjection or an urgent word, it is someone else, marked as an @mention of someone else is.
    /// </summary>
    private static string MarkVocative(string text, IReadOnlyCollection<string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return text;
        }

        var match = Vocative().Match(text);
        return match.Success && !IsNotAName(FoldWord(match.Groups[1].Value))
            ? string.Concat(text.AsSpan(0, match.Groups[1].Index), " " + SomeoneMark + " ", text.AsSpan(match.Groups[1].Index + match.Groups[1].Length))
            : text;
    }

    /// <summary>A greeting or interjection, also when its last letter is drawn out ("Heyyy", "Hoii", "Hallooo").</summary>
    private static bool IsNotAName(string folded)
    {
        if (NotNames.Contains(folded))
        {
            return true;
        }

        var end = folded.Length - 1;
        while (end > 0 && folded[end - 1] == folded[^1])
        {
            end--;
        }

        return end < folded.Length - 1 && NotNames.Contains(folded[..(end + 1)]);
    }

    /// <summary>What a regular expression's <c>\w</c> matches: letters, digits, marks and connectors such as '_'.</summary>
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.ConnectorPunctuation;

    /// <summary>French "où", precomposed or with a combining grave accent, as a word of its own.</summary>
    [GeneratedRegex("(?<!\\p{L})[oO](?:[\u00F9\u00D9]|[uU]\u0300)(?![\\p{L}\\p{M}])", RegexOptions.CultureInvariant)]
    private static partial Regex FrenchWhere();

    /// <summary>Single letters joined by dots ("z.s.m", "a.s.a.p"), not inside a word, a link, an address or a number.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}.@/_-])\p{L}(?:\.\p{L})+(?![\p{L}\p{N}_-])", RegexOptions.CultureInvariant)]
    private static partial Regex DottedInitials();

    /// <summary>
    /// A first name (at most eleven letters) and a comma. A colon heads the message with its topic instead ("Nieuwsbrief:
    /// al verstuurd?"), and a longer word is a topic too, often a compound noun ("Jaarrekeningen, …").
    /// </summary>
    [GeneratedRegex(@"^\s*(\p{Lu}\p{Ll}{1,10})\s*,\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex Vocative();

    [GeneratedRegex(@"<@[^>\s]+>|(?<![\w@])@[\p{L}\p{N}._-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    private sealed class State
    {
        private int _runLength;
        private char _runChar;
        private int _tokenLetters;
        private int _tokenUpper;

        public StringBuilder Current { get; } = new(32);

        public List<string> Tokens { get; } = new(24);

        public List<bool> Shouted { get; } = new(24);

        public List<bool> EndsSentence { get; } = new(24);

        public List<bool> Asks { get; } = new(24);

        public List<bool> Quoted { get; } = new(24);

        public bool InQuote { get; set; }

        /// <summary>The next token follows an elision's apostrophe ('t, 'k).</summary>
        public bool InElision { get; set; }

        public int QuestionMarks { get; set; }

        public int ExclamationMarks { get; set; }

        public int UpperLetters { get; private set; }

        public int Letters { get; private set; }

        public bool HasLink { get; set; }

        public bool HadAccents { get; set; }

        /// <summary>"😂", "🤣", "😅", "😆", "😹": read by the rules (an urgent word beside a laugh), never a token.</summary>
        public bool LaughingEmoji { get; set; }

        public bool LastIsDigit => Current.Length > 0 && char.IsAsciiDigit(Current[^1]);

        /// <summary>"@Ina did you…": the message starts where the mentions end.</summary>
        public bool DropLeadingMentions()
        {
            var leading = 0;
            while (leading < Tokens.Count && Tokens[leading] == "<mention>")
            {
                leading++;
            }

            Tokens.RemoveRange(0, leading);
            Shouted.RemoveRange(0, leading);
            EndsSentence.RemoveRange(0, leading);
            Asks.RemoveRange(0, leading);
            Quoted.RemoveRange(0, leading);
            return leading > 0;
        }

        public void AddLetter(Rune rune)
        {
            Letters++;
            _tokenLetters++;
            if (Rune.IsUpper(rune))
            {
                UpperLetters++;
                _tokenUpper++;
            }

            var lower = Rune.ToLowerInvariant(rune);
            switch (lower.Value)
            {
                case 'œ':
                    AppendLetter('o');
                    AppendLetter('e');
                    return;
                case 'æ':
                    AppendLetter('a');
                    AppendLetter('e');
                    return;
                case 'ß':
                    AppendLetter('s');
                    AppendLetter('s');
                    return;
                case 'ø':
                    AppendLetter('o');
                    return;
                case 'ł':
                    AppendLetter('l');
                    return;
            }

            if (lower.IsBmp)
            {
                AppendLetter((char)lower.Value);
            }
        }

        public void AddDigit(char digit)
        {
            _runLength = 0;
            Current.Append(digit);
        }

        /// <summary>Three or more of the same letter in a row are one letter: "updaaaate", "helllp".</summary>
        private void AppendLetter(char letter)
        {
            if (_runLength > 0 && letter == _runChar)
            {
                _runLength++;
                if (_runLength == 3)
                {
                    Current.Length--;
                }

                if (_runLength >= 3)
                {
                    return;
                }
            }
            else
            {
                _runChar = letter;
                _runLength = 1;
            }

            Current.Append(letter);
        }

        public void Flush()
        {
            _runLength = 0;
            if (Current.Length == 0)
            {
                return;
            }

            var token = Current.ToString();
            var shouted = _tokenLetters >= 2 && _tokenUpper == _tokenLetters;
            Current.Clear();
            _tokenLetters = 0;
            _tokenUpper = 0;
            var afterElision = InElision;
            InElision = false;
            if (afterElision && Elisions.TryGetValue(token, out var elided))
            {
                Emit(elided, shouted: false);
                return;
            }

            if (Shorthand.TryGetValue(token, out var expansion))
            {
                foreach (var word in expansion)
                {
                    Emit(word, shouted);
                }

                return;
            }

            Emit(token, shouted);
        }

        public void Emit(string token, bool shouted)
        {
            Tokens.Add(token);
            Shouted.Add(shouted);
            EndsSentence.Add(false);
            Asks.Add(false);
            Quoted.Add(InQuote);
        }

        /// <summary>A question mark: the words of the sentence it ends ask.</summary>
        public void EndQuestion()
        {
            var start = Tokens.Count;
            while (start > 0 && !EndsSentence[start - 1])
            {
                start--;
            }

            for (var i = start; i < Tokens.Count; i++)
            {
                Asks[i] = true;
            }

            EndSentence();
        }

        public void EndSentence()
        {
            if (EndsSentence.Count > 0)
            {
                EndsSentence[^1] = true;
            }
        }
    }
}
