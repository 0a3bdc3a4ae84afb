using System.Collections.Frozen;
using System.Globalization;
using CheckinBot.Pings.Rules;
using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Features;

/// <summary>
/// Turns a normalised message into a hashed bag of features: words, word pairs, word pairs one apart, the first words,
/// the words of each sentence that asks as question words, a question about the asker's own doing, character 4–5-grams
/// of each word (typos, Flemish and French forms share them), the message's shape (question and exclamation marks,
/// capitals, length), who it is addressed to when that is not the VA, whether it has a word of progress, and the rules'
/// findings. Every feature of a message is worth the same, <see cref="ValueOf"/>. The same code serves training and
/// classification.
/// </summary>
internal static class PingFeatures
{
    /// <summary>The feature space is 2^Bits wide.</summary>
    public const int Bits = 18;

    public const int Dimension = 1 << Bits;

    /// <summary>The shortest and longest character n-grams of a word; without 3-grams, leave-one-corpus-out status recall was a little higher.</summary>
    private const int ShortestGram = 4;

    private const int LongestGram = 5;

    /// <summary>See <see cref="ValueOf"/>.</summary>
    private const float ValueExponent = 0.35f;

    /// <summary>Stands for a word that was quoted or talked about.</summary>
    private const string Quoted = "<quoted>";

    /// <summary>Words of progress and of the state of a piece of work, in general words of nl/en/fr (no phrase of a corpus).</summary>
    private static readonly FrozenSet<string> ProgressWords =
        ("done finished finish ready update updates status progress eta started start begun working sorted complete completed wrapped news yet still far along " +
        "klaar af gedaan afgerond gelukt lukt begonnen bezig stand nieuws vordert opschieten al nog ver " +
        "fini finie finis termine terminee pret prete avance avances avancement commence nouvelles statut point deja encore ou " + TextNormalizer.Where)
        .Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> FrenchObjectPronouns =
        "t te vous l le la les lui leur m me".Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Collects the features of one message into <paramref name="indices"/> (sorted, distinct); names them into <paramref name="names"/> when given.</summary>
    public static void Extract(NormalizedText text, RuleReading rules, ReadOnlySpan<bool> used, List<int> indices, Dictionary<int, string>? names = null)
    {
        var sink = new Sink(indices, names);
        var tokens = text.TokenArray;
        var previous = "^";
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = used[i] ? tokens[i] : Quoted;
            sink.Add('w', token);
            sink.Add('b', previous, token);
            if (token[0] != '<')
            {
                CharacterGrams(token, sink);
            }

            previous = token;
        }

        sink.Add('b', previous, "$");
        if (tokens.Length > 0)
        {
            sink.Add('f', used[0] ? tokens[0] : Quoted);
            sink.Add('g', used[0] ? tokens[0] : Quoted, tokens.Length > 1 ? (used[1] ? tokens[1] : Quoted) : "$");
        }

        Shape(text, sink);
        Addressee(text, sink);
        Progress(text, used, sink);
        QuestionWords(text, used, sink);
        OwnDoing(text, used, sink);
        GappedPairs(tokens, used, sink);
        if (rules.UrgentWord)
        {
            sink.Add('r', "urgent");
        }

        if (rules.Calm)
        {
            sink.Add('r', "calm");
        }

        if (rules.Mentioned > 0)
        {
            sink.Add('r', "mentioned");
        }

        if (rules.UrgentTalkedAbout)
        {
            sink.Add('r', "urgent talked about");
        }

        if (rules.Addressed)
        {
            sink.Add('r', "addressed");
        }

        indices.Sort();
        var distinct = 0;
        for (var i = 0; i < indices.Count; i++)
        {
            if (i == 0 || indices[i] != indices[distinct - 1])
            {
                indices[distinct++] = indices[i];
            }
        }

        indices.RemoveRange(distinct, indices.Count - distinct);
    }

    /// <summary>
    /// The value of every feature of a message with <paramref name="count"/> distinct features: count^-0.35, between
    /// unit length (^-0.5, under which a cue in a long voice-dictated message weighs little) and no scaling at all.
    /// Chosen on the leave-one-corpus-out figures (status recall at equal precision rose by 0.02–0.03 against ^-0.5).
    /// </summary>
    public static float ValueOf(int count) => count == 0 ? 0f : 1f / MathF.Pow(count, ValueExponent);

    private static void CharacterGrams(string token, Sink sink)
    {
        Span<char> padded = stackalloc char[Math.Min(token.Length, 60) + 2];
        padded[0] = '^';
        token.AsSpan(0, padded.Length - 2).CopyTo(padded[1..]);
        padded[^1] = '$';
        for (var n = ShortestGram; n <= LongestGram; n++)
        {
            for (var start = 0; start + n <= padded.Length; start++)
            {
                sink.Add('c', padded.Slice(start, n));
            }
        }
    }

    /// <summary>
    /// The words of each sentence that a question mark ends (those used, not quoted or talked about), each as a feature
    /// of its own: "book" or "send" in a question weigh apart from the same word in a statement, and apart from "done" or
    /// "klaar" in a question, so a linear model can tell what a question is about (the VA's progress or anything else)
    /// rather than only that it is one. A greeting, news or a reason around the question stays a plain word.
    /// </summary>
    private static void QuestionWords(NormalizedText text, ReadOnlySpan<bool> used, Sink sink)
    {
        if (text.QuestionMarks == 0)
        {
            return;
        }

        var tokens = text.TokenArray;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (used[i] && text.AsksArray[i])
            {
                sink.Add('q', tokens[i]);
            }
        }
    }

    /// <summary>
    /// A question about what the asker himself did ("did I send you the logins?", "heb ik dat al getekend?", "ai-je
    /// signé ?", "est-ce que je t'ai envoyé … ?") asks his own memory, not how far the VA is. One feature for every form
    /// and language, where the word pairs learn each form apart. Only the asking word order counts (an auxiliary of the
    /// perfect or the past before the first person, or French "est-ce que je"): "ik heb een vraag: …" and "j'ai vu ton
    /// message, …" open status checks in the order of a statement.
    /// </summary>
    private static void OwnDoing(NormalizedText text, ReadOnlySpan<bool> used, Sink sink)
    {
        if (text.QuestionMarks == 0)
        {
            return;
        }

        var tokens = text.TokenArray;
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (!text.AsksArray[i] || !used[i] || !used[i + 1])
            {
                continue;
            }

            var (auxiliary, pronoun) = (tokens[i], tokens[i + 1]);
            var inverted = pronoun switch
            {
                "i" => auxiliary is "did" or "have" or "had",
                "ik" => auxiliary is "heb" or "had" or "ben" or "was",
                "je" => auxiliary is "ai" or "avais" or "suis",
                _ => false,
            };
            if (inverted || IsEstCeQueJe(tokens, i))
            {
                sink.Add('o', "own doing");
                return;
            }
        }
    }

    /// <summary>"est-ce que j'ai", "est-ce que je t'ai", "est-ce que je lui avais": the French asking order of the first person.</summary>
    private static bool IsEstCeQueJe(string[] tokens, int i)
    {
        if (i + 3 >= tokens.Length || tokens[i] != "est" || tokens[i + 1] != "ce" || tokens[i + 2] != "que" || tokens[i + 3] is not ("j" or "je"))
        {
            return false;
        }

        var next = i + 4;
        if (next < tokens.Length && FrenchObjectPronouns.Contains(tokens[next]))
        {
            next++;
        }

        return next < tokens.Length && tokens[next] is "ai" or "avais" or "suis";
    }

    /// <summary>
    /// Who the message is addressed to, when it is someone other than the VA: a leading @mention of a colleague ("@Tom did
    /// you get the keys?") is one feature for every name, and another with a question mark, so that a question to
    /// someone else in a shared channel weighs apart from the same question to the VA (whose name and mentions are
    /// dropped and read by the addressed rule).
    /// </summary>
    private static void Addressee(NormalizedText text, Sink sink)
    {
        var tokens = text.TokenArray;
        if (tokens.Length == 0 || tokens[0] != TextNormalizer.Someone)
        {
            return;
        }

        sink.Add('a', "other");
        if (text.QuestionMarks > 0)
        {
            sink.Add('a', "other", "question");
        }
    }

    /// <summary>
    /// A question with or without any word of progress ("done", "klaar", "fini", "yet", "al", "déjà") in a sentence that
    /// asks: a linear model cannot learn "none of these words" from the words themselves, and a question about anything
    /// but the work is the other message most often taken for a status check ("The deck is done. Can you send it to
    /// Tom?" has one only in its news). A statement with or without one anywhere.
    /// </summary>
    private static void Progress(NormalizedText text, ReadOnlySpan<bool> used, Sink sink)
    {
        if (text.QuestionMarks > 0)
        {
            sink.Add('p', HasProgressWord(text, used, asking: true) ? "question" : "question without");
        }
        else
        {
            sink.Add('p', HasProgressWord(text, used) ? "statement" : "statement without");
        }
    }

    /// <summary>Whether the message uses (not quotes) any word of progress; with <paramref name="asking"/>, in a sentence that asks.</summary>
    public static bool HasProgressWord(NormalizedText text, ReadOnlySpan<bool> used, bool asking = false)
    {
        var tokens = text.TokenArray;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (used[i] && (!asking || text.AsksArray[i]) && ProgressWords.Contains(tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Words one apart, paired ("can … book", "is … done", "kan … sturen"): a little of the word order that word pairs
    /// miss when a word stands between verb and object.
    /// </summary>
    private static void GappedPairs(string[] tokens, ReadOnlySpan<bool> used, Sink sink)
    {
        for (var i = 0; i + 2 < tokens.Length; i++)
        {
            sink.Add('k', used[i] ? tokens[i] : Quoted, used[i + 2] ? tokens[i + 2] : Quoted);
        }
    }

    private static void Shape(NormalizedText text, Sink sink)
    {
        var length = text.TokenArray.Length switch
        {
            0 => "0",
            1 => "1",
            2 => "2",
            3 => "3",
            <= 6 => "4-6",
            <= 12 => "7-12",
            <= 25 => "13-25",
            _ => "26+",
        };
        sink.Add('s', "len", length);
        if (text.QuestionMarks > 0)
        {
            sink.Add('s', "question");
            sink.Add('s', "question-len", length);
            if (text.QuestionMarks > 1)
            {
                sink.Add('s', "questions");
            }
        }

        if (text.ExclamationMarks > 0)
        {
            sink.Add('s', text.ExclamationMarks > 1 ? "exclamations" : "exclamation");
        }

        if (text.Letters >= 8 && text.UpperLetters * 10 >= text.Letters * 7)
        {
            sink.Add('s', "capitals");
        }

        var shouted = 0;
        foreach (var word in text.ShoutedArray)
        {
            shouted += word ? 1 : 0;
        }

        if (shouted >= 2)
        {
            sink.Add('s', "shouted");
        }

        if (text.HasLink)
        {
            sink.Add('s', "link");
        }

        if (text.IsCommand)
        {
            sink.Add('s', "command");
        }
    }

    /// <summary>Hashes features into the index list, and names them when asked (explanations only).</summary>
    private readonly struct Sink(List<int> indices, Dictionary<int, string>? names)
    {
        public void Add(char kind, ReadOnlySpan<char> text)
        {
            var hash = FeatureHash.Start(kind);
            hash.Add(text);
            Record(hash.Index(Bits), kind, names is null ? string.Empty : text.ToString());
        }

        public void Add(char kind, string first, string second)
        {
            var hash = FeatureHash.Start(kind);
            hash.Add(first);
            hash.Add(' ');
            hash.Add(second);
            Record(hash.Index(Bits), kind, names is null ? string.Empty : first + " " + second);
        }

        private void Record(int index, char kind, string name)
        {
            indices.Add(index);
            if (names is not null)
            {
                names.TryAdd(index, string.Create(CultureInfo.InvariantCulture, $"{kind}:{name}"));
            }
        }
    }
}
