namespace CheckinBot.Pings.Text;

/// <summary>
/// A message reduced to what the rules and the features look at: lower-case, accent-free word tokens with
/// elongations collapsed and known emoji turned into named tokens ("&lt;eyes&gt;"), plus the
/// punctuation and shape facts that words lose.
/// </summary>
internal sealed class NormalizedText
{
    internal NormalizedText(
        string[] tokens,
        bool[] shouted,
        bool[] endsSentence,
        bool[] asks,
        bool[] quoted,
        int questionMarks,
        int exclamationMarks,
        int upperLetters,
        int letters,
        bool isCommand,
        bool hasLink,
        bool hadAccents,
        bool startsAddressed,
        bool laughingEmoji,
        bool opensOnSomeoneElse = false)
    {
        TokenArray = tokens;
        ShoutedArray = shouted;
        EndsSentenceArray = endsSentence;
        AsksArray = asks;
        QuotedArray = quoted;
        QuestionMarks = questionMarks;
        ExclamationMarks = exclamationMarks;
        UpperLetters = upperLetters;
        Letters = letters;
        IsCommand = isCommand;
        HasLink = hasLink;
        HadAccents = hadAccents;
        StartsAddressed = startsAddressed;
        LaughingEmoji = laughingEmoji;
        OpensOnSomeoneElse = opensOnSomeoneElse;
    }

    /// <summary>The word tokens, lower-case and without diacritics.</summary>
    public IReadOnlyList<string> Tokens => TokenArray;

    /// <summary>Per token: whether it was written in capitals (two letters or more).</summary>
    public IReadOnlyList<bool> Shouted => ShoutedArray;

    public int QuestionMarks { get; }

    public int ExclamationMarks { get; }

    public int UpperLetters { get; }

    public int Letters { get; }

    /// <summary>The message is a slash command ("/remind me …"), a word right after a slash at its start.</summary>
    public bool IsCommand { get; }

    /// <summary>The message carries a URL.</summary>
    public bool HasLink { get; }

    /// <summary>The original had letters with diacritics (a hint for French).</summary>
    public bool HadAccents { get; }

    /// <summary>The message began by addressing the VA ("@Ina", "Ina, …", a platform mention); those leading mentions are not among the tokens. Someone else addressed is the token "&lt;someone&gt;".</summary>
    public bool StartsAddressed { get; }

    /// <summary>
    /// The message opens with an @mention, typed or the platform's, of someone known not to be the VA ("@Tom any news on
    /// the deck?"); not a mention of the whole channel ("@here", "@channel", "@everyone", "@all"), and not a name called
    /// with a comma, which is told by its shape alone ("Invoices, sent?"). Its token is "&lt;someone&gt;" either way.
    /// </summary>
    public bool OpensOnSomeoneElse { get; }

    /// <summary>The message has a laughing emoji ("😂", "🤣", "😅"); a decoration, not a token, so no feature of the model.</summary>
    public bool LaughingEmoji { get; }

    /// <summary>The tokens joined by single spaces, handy in tests and cues.</summary>
    public string Joined => string.Join(' ', TokenArray);

    internal string[] TokenArray { get; }

    internal bool[] ShoutedArray { get; }

    /// <summary>Per token: it stood between quotation marks.</summary>
    internal bool[] QuotedArray { get; }

    /// <summary>Per token: a sentence ends after it ("?", "!", "." or a line break follows).</summary>
    internal bool[] EndsSentenceArray { get; }

    /// <summary>Per token: it stands in a sentence that a question mark ends.</summary>
    internal bool[] AsksArray { get; }

    /// <summary>Whether <paramref name="position"/> is the end of the message or of a sentence.</summary>
    internal bool IsSentenceEnd(int position) =>
        position == TokenArray.Length || position > 0 && EndsSentenceArray[position - 1];
}
