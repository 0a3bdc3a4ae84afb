using CheckinBot.Pings.Rules;
using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Tests.Rules;

/// <summary>A message is about an open task when it shares a content word with one of the open tasks' titles.</summary>
public class AMessageAboutAnOpenTaskTests
{
    private static bool About(string message, string[] titles, params string[] names)
    {
        var text = TextNormalizer.Normalize(message, names);
        var used = new bool[text.Tokens.Count];
        PingRules.Read(text, used);
        return AboutOpenTask.Matches(text, used, titles, names);
    }

    [Theory]
    [InlineData("photographer confirmed for saturday?", "Book the photographer")]
    [InlineData("Is die mailing donderdag dan weg gegaan?", "Mailing klantenlijst")]
    [InlineData("Le mail aux 43 contacts du salon est-il parti ?", "Mail contacts salon")]
    public void A_word_of_a_title_in_the_message_makes_it_about_that_task(string message, string title)
    {
        About(message, ["Quarterly report", title]).Should().BeTrue();
    }

    [Theory]
    [InlineData("Les factures de mars sont parties ?", "Envoyer la facture Dupont")]
    [InlineData("le photographe a confirmé ?", "Photographer for the wedding")]
    [InlineData("Offertes al verstuurd?", "Offerte Janssens opmaken")]
    public void A_shared_stem_of_five_letters_counts(string message, string title)
    {
        About(message, [title]).Should().BeTrue();
    }

    [Fact]
    public void A_typo_after_the_fifth_letter_still_counts()
    {
        About("newsleter out?", ["Newsletter December"]).Should().BeTrue();
    }

    [Theory]
    [InlineData("what about this week?", "This week's plan")]
    [InlineData("is het voor vandaag?", "Voor vandaag: mails")]
    [InlineData("c'est pour quand ?", "Pour demain: devis")]
    public void Stop_words_name_no_task(string message, string title)
    {
        About(message, [title]).Should().BeFalse();
    }

    [Theory]
    [InlineData("SEO ok?", "SEO audit")]
    [InlineData("is 2026 done?", "Accounts 2026")]
    public void Short_words_and_numbers_name_no_task(string message, string title)
    {
        About(message, [title]).Should().BeFalse();
    }

    [Fact]
    public void The_vas_name_names_no_task()
    {
        About("Sofie, are you there?", ["Timesheet Sofie"], "Sofie").Should().BeFalse();
        About("Sofie, are you there?", ["Timesheet Sofie"]).Should().BeTrue("without her name known, 'sofie' is an ordinary word");
    }

    [Fact]
    public void A_quoted_word_is_not_used()
    {
        About("the word \"newsletter\" is misspelt in the footer", ["Newsletter December"]).Should().BeFalse();
    }

    [Fact]
    public void Two_words_one_edit_apart_that_open_alike_in_only_four_letters_are_different()
    {
        About("contract signed?", ["Contact list cleanup"]).Should().BeFalse();
    }

    [Fact]
    public void Without_open_tasks_no_message_is_about_one()
    {
        About("photographer confirmed for saturday?", []).Should().BeFalse();
    }
}
