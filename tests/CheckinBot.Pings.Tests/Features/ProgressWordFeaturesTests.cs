namespace CheckinBot.Pings.Tests.Features;

/// <summary>
/// Whether a message has a word of progress ("done", "klaar", "fini", "yet", "al", "déjà"), as one feature with the
/// question mark and one without: "a question about anything but the work" is a feature a linear model can weigh.
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
