using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Tests.Rules;

public class QuotedOrTalkedAboutWordsAreNotUsedTests
{
    [Theory]
    [InlineData("take URGENT out of the subject line please")]
    [InlineData("the word \"urgent\" scares our customers, leave it out")]
    [InlineData("zet niet overal 'dringend' in het onderwerp")]
    [InlineData("enlève « urgent » de l'objet du mail")]
    [InlineData("can you mark these three invoices as urgent in the tracker")]
    public void An_urgent_word_that_is_quoted_or_talked_about_is_not_used(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeFalse();
        rules.Mentioned.Should().BeGreaterThan(0);
    }

    /// <summary>"asap" and "zsm" are adverbs: with an article or a demonstrative before them they are a word talked about.</summary>
    [Theory]
    [InlineData("the ASAP on the supplier's invoice was a bit much, it's due in February")]
    [InlineData("de zsm in de mail van de notaris mag je negeren, het heeft tijd tot januari")]
    [InlineData("ce ASAP dans son mail, c'est son style, rien ne presse")]
    public void A_shorthand_for_urgent_after_an_article_is_talked_about(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeFalse();
        rules.Mentioned.Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData("send me the deck asap, the investor is waiting")]
    [InlineData("kun je de factuur zsm sturen")]
    [InlineData("the urgent one first please, the bank closes at four")]
    [InlineData("de factuur die zsm betaald moet worden ligt op je bureau, de leverancier belt al")]
    public void A_shorthand_or_an_urgent_word_used_plainly_stays_used(string message)
    {
        Read.Rules(message).UrgentWord.Should().BeTrue();
    }

    /// <summary>A pronoun before a shorthand is the thing to do, not an article: "do this asap", "stuur het zsm", "envoie-le asap".</summary>
    [Theory]
    [InlineData("can you do this asap, the printer closes at five")]
    [InlineData("send that asap please, they're waiting")]
    [InlineData("stuur het zsm door naar de boekhouder")]
    [InlineData("heb je deze? stuur deze zsm, de notaris wacht")]
    [InlineData("envoie-le asap stp, le client attend")]
    [InlineData("les factures, fais-les asap")]
    public void A_shorthand_after_a_pronoun_stays_used(string message)
    {
        Read.Rules(message).UrgentWord.Should().BeTrue();
    }

    [Theory]
    [InlineData("call me asap, the term sheet has the wrong valuation")]
    [InlineData("urgent : prêt à court terme, la banque rappelle à midi")]
    public void A_term_of_business_near_an_urgent_word_is_not_talk_about_the_word(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeTrue();
        rules.Mentioned.Should().Be(0);
    }

    /// <summary>
    /// "de toute urgence" and "en toute urgence" are one adverb, "most urgently": the urgent word in it is used, whatever
    /// talk-about word stands near ("un mot" is also a note to write).
    /// </summary>
    [Theory]
    [InlineData("Tu peux m'aider à rédiger un mot de toute urgence pour les parents ?")]
    [InlineData("il faut changer le titre en toute urgence, la page est en ligne avec le mauvais prix")]
    public void An_urgent_word_in_the_adverb_de_toute_urgence_is_used(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeTrue();
        rules.Mentioned.Should().Be(0);
    }

    [Fact]
    public void The_same_word_used_plainly_is_used()
    {
        var rules = Read.Rules("urgent: the payment page is down");

        rules.UrgentWord.Should().BeTrue();
        rules.Mentioned.Should().Be(0);
    }

    [Theory]
    [InlineData("is 't al klaar?")]
    [InlineData("'k wil 't weten, hoever staat 't verslag")]
    [InlineData("'s morgens heb ik 'n uurtje, is 't dan klaar?")]
    [InlineData("is ’t al klaar?")]
    [InlineData("c'est pour aujourd'hui, qu'en est-il de l'offre ?")]
    [InlineData("we work together since '24, is the report done?")]
    public void An_elision_is_an_apostrophe_not_an_opening_quote(string message)
    {
        var rules = Read.Rules(message);

        rules.Mentioned.Should().Be(0);
    }

    [Theory]
    [InlineData("'t is dringend: de betaalpagina ligt plat")]
    [InlineData("'k zit vast, 't is dringend")]
    [InlineData("l'appli plante, c'est urgent")]
    public void An_urgent_word_after_an_elision_is_used(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeTrue();
    }

    [Fact]
    public void A_quoted_word_between_elisions_is_still_quoted()
    {
        var rules = Read.Rules("'k had 'dringend' in 't onderwerp gezet, haal 't eruit");

        rules.UrgentWord.Should().BeFalse();
        rules.Mentioned.Should().Be(1);
    }

    [Fact]
    public void A_single_quote_that_is_never_closed_quotes_nothing()
    {
        var rules = Read.Rules("ok 'so the launch is urgent now");

        rules.UrgentWord.Should().BeTrue();
        rules.Mentioned.Should().Be(0);
    }

    [Fact]
    public void A_talked_about_urgent_word_does_not_escalate_by_rule()
    {
        var verdict = PingClassifiers.Committed.Classify("take URGENT out of the subject line please");

        verdict.Reasons.Should().NotContain("rule: explicit urgent word").And.Contain("rule: quoted or mentioned word not used");
    }

    [Theory]
    [InlineData("kun je dit met spoed in orde brengen")]
    [InlineData("de nieuwe prijzen moeten met spoed op de website")]
    [InlineData("ik zit met een dringend probleem in de winkel")]
    [InlineData("we zitten met dringend werk op de plank, bel me")]
    public void The_Dutch_met_is_with_not_a_verb_of_writing(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeTrue();
        rules.Mentioned.Should().Be(0);
        PingClassifiers.Committed.Classify(message, "nl").Class.Should().Be(PingClass.Urgent);
    }

    [Theory]
    [InlineData("il met URGENT dans l'objet de chaque mail, dis-lui d'arrêter")]
    [InlineData("elle met urgent sur tous ses tickets")]
    public void The_French_met_puts_a_word_somewhere(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeFalse();
        rules.UrgentTalkedAbout.Should().BeTrue();
    }
}
