using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Tests.Text;

/// <summary>A message's languages are scored once; each language is then asked whether it leads those scores.</summary>
public class LanguageScoresTests
{
    [Theory]
    [InlineData("he writes urgent on all of the tickets", LanguageDetector.English)]
    [InlineData("hij zet overal dringend in zijn mails", LanguageDetector.Dutch)]
    [InlineData("il met urgent sur tous ses tickets", LanguageDetector.French)]
    public void The_language_of_the_message_leads_and_the_others_do_not(string message, string language)
    {
        var scores = LanguageScores.Of(TextNormalizer.Normalize(message).TokenArray);

        foreach (var other in new[] { LanguageDetector.English, LanguageDetector.Dutch, LanguageDetector.French })
        {
            scores.Leads(other).Should().Be(other == language, other);
        }
    }

    [Fact]
    public void A_tie_leads_for_every_language_in_it()
    {
        var scores = new LanguageScores(Dutch: 1.5, English: 1.5, French: 0.5);

        scores.Leads(LanguageDetector.Dutch).Should().BeTrue();
        scores.Leads(LanguageDetector.English).Should().BeTrue();
        scores.Leads(LanguageDetector.French).Should().BeFalse();
    }

    [Fact]
    public void A_language_that_is_none_of_the_three_is_refused()
    {
        var scores = new LanguageScores(Dutch: 1, English: 0, French: 0);

        scores.Invoking(s => s.Leads("de")).Should().Throw<ArgumentOutOfRangeException>();
    }
}
