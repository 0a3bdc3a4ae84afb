using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Tests.Text;

/// <summary>
/// French "où" (where: "t'en es où ?") folds to the letters of "ou" (or: "ok ou pas ?"), a word that weighs towards a
/// choice rather than a question about the work. It is kept apart as a word of its own, <c>&lt;où&gt;</c>.
/// </summary>
public class FrenchWhereIsKeptApartFromOrTests
{
    [Theory]
    [InlineData("Où en est la facture ?", "<où> en est la facture")]
    [InlineData("tu en es où avec le site?", "tu en es <où> avec le site")]
    [InlineData("OÙ EST LE DOSSIER", "<où> est le dossier")]
    [InlineData("ou\u0300 en sommes-nous ?", "<où> en sommes nous")]
    [InlineData("Mardi ou mercredi ?", "mardi ou mercredi")]
    [InlineData("le bleu ou le vert", "le bleu ou le vert")]
    [InlineData("sous", "sous")]
    public void French_where_is_a_word_apart_from_or(string message, string expected) =>
        TextNormalizer.Normalize(message).Joined.Should().Be(expected);

    [Fact]
    public void A_question_about_where_the_work_stands_is_read_with_where()
    {
        var text = TextNormalizer.Normalize("Les badges, tu en es où ?");

        text.TokenArray.Should().Equal("les", "badges", "tu", "en", "es", "<où>");
        text.ShoutedArray.Should().HaveCount(6);
        text.QuotedArray.Should().HaveCount(6);
    }

    [Theory]
    [InlineData("t'en es où ?")]
    [InlineData("où ça ?")]
    public void Where_still_speaks_for_French(string message) =>
        LanguageDetector.Detect(TextNormalizer.Normalize(message)).Should().Be("fr");
}
