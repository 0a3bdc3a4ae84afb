using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Tests.Rules;

public class ExplicitUrgentWordTests
{
    [Theory]
    [InlineData("URGENT: the payment page is down")]
    [InlineData("dringend, bel me even")]
    [InlineData("c'est urgent, rappelle-moi")]
    [InlineData("need the contract signed asap")]
    [InlineData("urgnet!! call me")]
    [InlineData("Zsm de offerte naar de klant sturen")]
    [InlineData("kun je dit z.s.m. regelen")]
    [InlineData("graag ZSM terugbellen")]
    [InlineData("send me the signed copy a.s.a.p. please")]
    public void An_urgent_word_used_outside_quotes_is_urgent_whatever_the_model_says(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeTrue();
        PingThresholds.Default.Decide(status: 0.9f, urgent: 0.0f, rules).Should().Be(PingClass.Urgent);
        PingClassifiers.Committed.Classify(message).Class.Should().Be(PingClass.Urgent);
    }

    [Theory]
    [InlineData("niet dringend, maar kun je de offerte nakijken")]
    [InlineData("not urgent: the logo in the footer is blurry")]
    [InlineData("pas urgent, mais regarde le devis")]
    [InlineData("niet zsm, volgende week is goed")]
    [InlineData("'t is ni dringend, kijk er volgende week eens naar")]
    [InlineData("ce n'est ni urgent ni important, quand tu auras le temps")]
    public void An_urgent_word_in_the_negative_is_not(string message)
    {
        Read.Rules(message).UrgentWord.Should().BeFalse();
    }

    /// <summary>A negation ends with its sentence: "it does not work. Fix asap" negates the working, not the urgency.</summary>
    [Theory]
    [InlineData("The site is not loading. ASAP please, clients are waiting")]
    [InlineData("De printer werkt niet. Bel zsm de technieker")]
    [InlineData("Le terminal ne marche pas. Urgent, appelle le SAV")]
    [InlineData("Lift doet het niet! Dringend iemand bellen")]
    public void A_negation_in_the_sentence_before_does_not_take_the_urgency_back(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeTrue();
        rules.Calm.Should().BeFalse();
        PingThresholds.Default.Decide(status: 0.9f, urgent: 0.0f, rules).Should().Be(PingClass.Urgent);
    }

    /// <summary>
    /// The Dutch "'t" (het, "it"), with its apostrophe or typed without, is not the English "n't": "t is dringend" says it
    /// is urgent. Only a "t" that ends an English auxiliary ("isn't", "wasn't", "don't") negates.
    /// </summary>
    [Theory]
    [InlineData("'t is dringend, de lift zit vast met iemand erin")]
    [InlineData("bel me terug, 't is dringend")]
    [InlineData("t is dringend, de server ligt plat")]
    public void The_dutch_t_before_an_urgent_word_does_not_negate_it(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeTrue();
        rules.Calm.Should().BeFalse();
        PingThresholds.Default.Decide(status: 0.9f, urgent: 0.0f, rules).Should().Be(PingClass.Urgent);
    }

    [Theory]
    [InlineData("it wasn't urgent after all, the plumber fixed it")]
    [InlineData("the invoice doesn't look urgent to me, next week is fine")]
    [InlineData("it isn't urgent, look at it when you can")]
    public void An_english_contracted_negation_still_negates(string message)
    {
        Read.Rules(message).UrgentWord.Should().BeFalse();
    }

    [Fact]
    public void A_word_that_only_looks_like_one_is_not()
    {
        Read.Rules("ik heb het argent nog niet overgemaakt").UrgentWord.Should().BeFalse();
    }
}
