namespace CheckinBot.Pings.Tests.Features;

/// <summary>
/// The words of the sentence that asks are question words ("q:"), and the words around it are not: in "Good morning!
/// Lovely weather here. Did the printer call back?" the greeting and the news are read as words only, so a linear model
/// can weigh what the question is about apart from what surrounds it. A sentence ends at "?", "!", "." or a line break.
/// </summary>
public class QuestionWordsFeaturesTests
{
    private static readonly string[] Va = ["Ina"];

    [Theory]
    [InlineData("Good morning! Lovely weather here. Did the printer call back?", "printer", "weather")]
    [InlineData("Goedemorgen Ina\nHeeft de drukker al teruggebeld?", "drukker", "goedemorgen")]
    [InlineData("Le client est content. Tu as pu appeler le notaire ? Merci", "notaire", "merci")]
    public void Only_the_words_of_the_asking_sentence_are_question_words(string message, string asked, string around)
    {
        var names = Extracted.Names(message, Va);

        names.Should().Contain([$"q:{asked}", $"w:{asked}", $"w:{around}"]).And.NotContain($"q:{around}");
    }

    [Fact]
    public void Every_sentence_that_asks_gives_its_words()
    {
        var names = Extracted.Names("Is the deck done? And the invoices?? Thanks.", Va);

        names.Should().Contain(["q:deck", "q:done", "q:invoices"]).And.NotContain("q:thanks");
    }

    [Fact]
    public void A_statement_has_no_question_words()
    {
        var names = Extracted.Names("The deck is done. The invoices went out!", Va);

        names.Should().NotContain(n => n.StartsWith("q:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quoted_word_in_the_asking_sentence_is_no_question_word()
    {
        var names = Extracted.Names("Can you take \"urgent\" out of the subject line?", Va);

        names.Should().Contain("q:subject").And.NotContain("q:urgent");
    }
}
