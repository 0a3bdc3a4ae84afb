namespace CheckinBot.Pings.Tests.Features;

/// <summary>
/// Whether a message has a word of progress ("done", "klaar", "fini", "yet", "al", "déjà"), as one feature with the
/// question mark and one without: "a question about anything but the work" is a feature a linear model can weigh. In a
/// question, only the sentences that ask count: "The deck is done. Can you send it to Tom?" asks about something else.
/// </summary>
public class ProgressWordFeaturesTests
{
    [Theory]
    [InlineData("is the report done?")]
    [InlineData("is de offerte al klaar?")]
    [InlineData("c'est fini, le devis ?")]
    public void A_question_with_a_word_of_progress_is_a_progress_question(string message)
    {
        Extracted.Names(message).Should().Contain("p:question").And.NotContain("p:question without");
    }

    [Theory]
    [InlineData("is there a break clause in the lease?")]
    [InlineData("hoe was je weekend?")]
    [InlineData("tu as le numéro du traiteur ?")]
    public void A_question_about_anything_else_has_no_word_of_progress(string message)
    {
        Extracted.Names(message).Should().Contain("p:question without").And.NotContain("p:question");
    }

    [Theory]
    [InlineData("Is the deck done?", "p:question")]
    [InlineData("The deck is done. Can you send it to Tom?", "p:question without")]
    [InlineData("De offerte is klaar. Stuur je ze door naar Tom?", "p:question without")]
    [InlineData("Merci ! Le devis est déjà parti ?", "p:question")]
    [InlineData("The deck is done.", "p:statement")]
    public void A_question_has_a_word_of_progress_only_when_its_asking_sentence_has_one(string message, string expected)
    {
        var names = Extracted.Names(message);

        names.Where(n => n.StartsWith("p:", StringComparison.Ordinal)).Should().Equal(expected);
    }

    [Fact]
    public void A_statement_is_told_apart_from_a_question()
    {
        Extracted.Names("still nothing in my inbox").Should().Contain("p:statement").And.NotContain(n => n.StartsWith("p:question", StringComparison.Ordinal));
        Extracted.Names("thanks for the flowers").Should().Contain("p:statement without");
    }

    [Fact]
    public void A_quoted_word_of_progress_does_not_count()
    {
        Extracted.Names("what does 'done' mean in the tracker?").Should().Contain("p:question without");
    }
}
