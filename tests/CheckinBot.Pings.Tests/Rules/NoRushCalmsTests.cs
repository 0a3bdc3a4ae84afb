using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Tests.Rules;

public class NoRushCalmsTests
{
    [Theory]
    [InlineData("no rush, send it whenever you can")]
    [InlineData("niks dringends, kijk eens naar de offerte als je tijd hebt")]
    [InlineData("geen haast hoor")]
    [InlineData("pas pressé pour le devis")]
    [InlineData("this is not urgent at all")]
    [InlineData("rien d'urgent, juste une question")]
    [InlineData("don't stress about the labels, whenever suits")]
    [InlineData("no stress on the seating plan")]
    public void A_message_that_says_it_can_wait_is_calm_and_has_no_urgent_word(string message)
    {
        var rules = Read.Rules(message);

        rules.Calm.Should().BeTrue();
        rules.UrgentWord.Should().BeFalse();
    }

    [Theory]
    [InlineData("the server room is flooding and I don't have their emergency number, call them now")]
    [InlineData("Tom collapsed at his desk and we don't have his emergency contact, can you find it")]
    [InlineData("Jan is gevallen en ik heb niet zijn noodgeval nummer, kun je het opzoeken")]
    public void A_negation_does_not_reach_an_urgent_word_behind_a_possessive(string message)
    {
        var rules = Read.Rules(message);

        rules.Calm.Should().BeFalse();
        rules.UrgentWord.Should().BeTrue();
    }

    [Fact]
    public void A_turn_after_the_calm_takes_it_back()
    {
        Read.Rules("no rush on the rest of the list, but the checkout is broken for everyone").Calm.Should().BeFalse();
    }

    /// <summary>"Not urgent, but …" is how a request that can wait is put: the turn leads to the request, not away from the calm.</summary>
    [Theory]
    [InlineData("not urgent, but could you look at the newsletter figures when you have a minute")]
    [InlineData("niet dringend, maar kun je de offerte eens nalezen?")]
    [InlineData("pas urgent, mais quand tu as deux minutes tu peux relire le devis ?")]
    public void A_turn_after_urgency_said_in_the_negative_keeps_the_calm(string message)
    {
        var rules = Read.Rules(message);

        rules.Calm.Should().BeTrue();
        rules.UrgentWord.Should().BeFalse();
    }

    [Fact]
    public void An_urgent_word_after_the_turn_is_still_used()
    {
        Read.Rules("not urgent for the blog, but urgent: the checkout is broken").UrgentWord.Should().BeTrue();
    }

    [Fact]
    public void A_calm_message_is_not_escalated_however_likely_the_model_finds_urgency()
    {
        var calm = Read.Rules("geen haast hoor");

        PingThresholds.Default.Decide(status: 0.05f, urgent: 0.95f, calm).Should().Be(PingClass.Other);
        PingThresholds.Default.Decide(status: 0.95f, urgent: 0.04f, calm).Should().Be(PingClass.StatusCheck);
    }
}
