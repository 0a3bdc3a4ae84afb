namespace CheckinBot.Pings.Text;

/// <summary>
/// How much a message's function words speak for each language (<see cref="LanguageDetector"/>'s word lists; a word
/// shared by two languages counts half for each). Scored once per message and asked as often as needed.
/// </summary>
internal readonly record struct LanguageScores(double Dutch, double English, double French)
{
    /// <summary>Scores the words of a message.</summary>
    public static LanguageScores Of(string[] tokens) => LanguageDetector.Scores(tokens);

    /// <summary>Whether no other language scores higher than <paramref name="language"/> (a tie leads too).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not "nl", "en" or "fr".</exception>
    public bool Leads(string language)
    {
        var own = language switch
        {
            LanguageDetector.Dutch => Dutch,
            LanguageDetector.English => English,
            LanguageDetector.French => French,
            _ => throw new ArgumentOutOfRangeException(nameof(language), language, "nl, en or fr"),
        };
        return own >= Math.Max(Dutch, Math.Max(English, French));
    }
}
