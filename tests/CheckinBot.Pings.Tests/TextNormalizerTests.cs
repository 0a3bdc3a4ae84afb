using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Tests;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("Ça avance ?", "ca avance")]
    [InlineData("Où en est le déménagement ?", "<où> en est le demenagement")]
    [InlineData("updaaaate???", "update")]
    [InlineData("HEEEELP!!!", "help")]
    [InlineData("Hoever zit ge?", "hoe ver zit je")]
    [InlineData("Zijde gij al klaar?", "bent je jij al klaar")]
    [InlineData("wnr is da klaar", "wanneer is dat klaar")]
    [InlineData("status pls 🙏", "status please <please>")]
    [InlineData("👀👀", "<eyes> <eyes>")]
    [InlineData("t'en es où", "t en es <où>")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("is 't al klaar?", "is het al klaar")]
    [InlineData("'k weet 't niet, 's morgens 'n uurtje", "ik weet het niet des morgens een uurtje")]
    [InlineData("isn't it done", "isn t it done")]
    [InlineData("aujourd'hui, qu'il", "aujourd hui qu il")]
    [InlineData("'", "")]
    [InlineData("graag z.s.m. terug", "graag zsm terug")]
    [InlineData("Z.S.M bellen aub", "zsm bellen aub")]
    [InlineData("send it a.s.a.p. please", "send it asap please")]
    [InlineData("s.v.p. rappelle-moi", "stp rappelle moi")]
    public void Messages_are_folded_to_plain_lower_case_words(string message, string expected)
    {
        TextNormalizer.Normalize(message).Joined.Should().Be(expected);
    }

    [Theory]
    [InlineData("status\uFFFE?")]
    [InlineData("any update\uD800")]
    [InlineData("\uDC00\uFDD0")]
    public void Noncharacters_and_lone_surrogates_do_not_stop_a_classification(string message)
    {
        var classify = () => PingClassifiers.Committed.Classify(message);

        classify.Should().NotThrow();
        TextNormalizer.Normalize(message).Joined.Should().NotContain("\uFFFE");
    }

    [Fact]
    public void Links_become_a_single_token_and_are_flagged()
    {
        var text = TextNormalizer.Normalize("Zie https://drive.google.com/x?id=1 en www.example.com");

        text.Joined.Should().Be("zie <url> en <url>");
        text.HasLink.Should().BeTrue();
    }

    [Fact]
    public void Exclamation_and_question_marks_are_counted_not_kept_as_words()
    {
        var text = TextNormalizer.Normalize("Where is it?!! Now!");

        text.QuestionMarks.Should().Be(1);
        text.ExclamationMarks.Should().Be(3);
        text.Joined.Should().Be("where is it now");
    }

    [Fact]
    public void Words_written_in_capitals_are_marked_as_shouted()
    {
        var text = TextNormalizer.Normalize("need it NOW please");

        text.Shouted.Should().Equal(false, false, true, false);
    }

    [Fact]
    public void Slash_commands_are_commands()
    {
        TextNormalizer.Normalize("/remind me at 9").IsCommand.Should().BeTrue();
    }

    [Theory]
    [InlineData("@Ina hoe loopt het met de posts?")]
    [InlineData("<@U0123ABC> hoe loopt het met de posts?")]
    [InlineData("@Ina @Tom hoe loopt het met de posts?")]
    public void A_leading_mention_says_who_is_asked_not_what(string message)
    {
        var text = TextNormalizer.Normalize(message);

        text.IsCommand.Should().BeFalse("the chat adapters already take messages addressed to the bot as commands");
        text.Tokens.Should().Equal("hoe", "loopt", "het", "met", "de", "posts");
    }

    [Fact]
    public void A_mention_inside_the_message_is_one_token()
    {
        TextNormalizer.Normalize("thanks @Ina.Claes for the deck").Tokens.Should().Equal("thanks", "<mention>", "for", "the", "deck");
    }

    [Fact]
    public void Fractions_and_percentages_survive_as_tokens()
    {
        TextNormalizer.Normalize("tell me at 3/4 or 50%").Joined.Should().Be("tell me at 3/4 or 50 %");
    }

    [Theory]
    [InlineData("take \"URGENT\" out of the subject", "urgent")]
    [InlineData("le mot « urgent » fait peur", "urgent")]
    [InlineData("zet er 'dringend' bij", "dringend")]
    public void Words_between_quotation_marks_are_marked_as_quoted(string message, string quoted)
    {
        var text = TextNormalizer.Normalize(message);

        text.Tokens.Where((_, i) => text.QuotedArray[i]).Should().Equal(quoted);
    }

    [Fact]
    public void An_apostrophe_inside_a_word_opens_no_quotation()
    {
        var text = TextNormalizer.Normalize("don't forget l'hôtel, it's urgent");

        text.QuotedArray.Should().OnlyContain(quoted => !quoted);
    }
}
