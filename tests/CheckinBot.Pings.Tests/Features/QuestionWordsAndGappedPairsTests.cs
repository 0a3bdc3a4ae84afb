namespace CheckinBot.Pings.Tests.Features;

/// <summary>
/// What a question is about, for a bag of features: the words of a message with a question mark are features of their
/// own ("book" in a question weighs apart from "book" in a statement), and words one apart are paired ("can … book").
/// </summary>
public class QuestionWordsAndGappedPairsTests
{
    [Fact]
    public void The_words_of_a_question_are_question_words()
    {
        var names = Extracted.Names("could you book the room?");

        names.Should().Contain(["q:could", "q:book", "q:room"]);
    }

    [Fact]
    public void A_message_without_a_question_mark_has_no_question_words()
    {
        var names = Extracted.Names("please book the room");

        names.Should().NotContain(n => n.StartsWith("q:", StringComparison.Ordinal));
        names.Should().Contain("w:book");
    }

    [Fact]
    public void A_quoted_word_in_a_question_is_no_question_word()
    {
        var names = Extracted.Names("can you take \"urgent\" out of the subject?");

        names.Should().Contain(["q:take", "w:<quoted>"]).And.NotContain(n => n.StartsWith("q:<", StringComparison.Ordinal) || n == "q:urgent");
    }

    [Fact]
    public void Words_one_apart_are_paired()
    {
        var names = Extracted.Names("is the report done");

        names.Should().Contain(["k:is report", "k:the done"]).And.NotContain("k:is done");
    }

    [Fact]
    public void A_message_of_two_words_has_no_gapped_pair()
    {
        Extracted.Names("report done?").Should().NotContain(n => n.StartsWith("k:", StringComparison.Ordinal));
    }
}
