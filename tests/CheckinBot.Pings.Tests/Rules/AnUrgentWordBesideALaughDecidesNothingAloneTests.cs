using CheckinBot.Core.Pings;
using CheckinBot.Pings.Tests.Features;

namespace CheckinBot.Pings.Tests.Rules;

/// <summary>
/// In a message that laughs ("haha", "lol", "mdr", "😂") an urgent word may be said in jest ("I urgently need a holiday
/// 😂") or beside a real emergency ("asap, they deliver 40 kg instead of 14 😂"). There the explicit-urgent-word rule
/// does not decide on its own: the model does, with the urgent word among its features as everywhere. The laugh itself
/// is no feature, so the model is the same with or without this rule.
/// </summary>
public class AnUrgentWordBesideALaughDecidesNothingAloneTests
{
    [Theory]
    [InlineData("URGENT hahaha no not really, can you reorder printer paper some time next week")]
    [InlineData("ik heb dringend koffie nodig vandaag lol")]
    [InlineData("urgence absolue : trouver un nom pour le chien du bureau mdr")]
    [InlineData("I urgently need a holiday 😂")]
    [InlineData("spoedgeval: de koekjestrommel is leeg 🤣")]
    [InlineData("hihihi dringend: nieuwe stiften bestellen")]
    public void An_urgent_word_in_a_message_that_laughs_leaves_the_decision_to_the_model(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeTrue();
        rules.Laughs.Should().BeTrue();
        PingThresholds.Default.Decide(status: 0.0f, urgent: 0.05f, rules).Should().Be(PingClass.Other);
        PingThresholds.Default.Decide(status: 0.0f, urgent: 0.6f, rules).Should().Be(PingClass.Urgent);
        Extracted.Names(message).Should().Contain("r:urgent");
    }

    [Theory]
    [InlineData("URGENT the card reader is dead and there's a queue")]
    [InlineData("dringend: de bank belt over een overschrijving die ik niet ken")]
    [InlineData("c'est urgent, le site affiche des prix à zéro 😬")]
    [InlineData("hah, urgent: the client wants the file by noon")]
    [InlineData("I'm not kidding, this is urgent: the shop shows every price at zero")]
    [InlineData("sans blague, c'est urgent : la banque a bloqué le compte")]
    [InlineData("dit is geen grapje, het is dringend: de server ligt plat")]
    public void An_urgent_word_without_a_laugh_decides_alone(string message)
    {
        var rules = Read.Rules(message);

        rules.Laughs.Should().BeFalse();
        PingThresholds.Default.Decide(status: 0.9f, urgent: 0.0f, rules).Should().Be(PingClass.Urgent);
    }

    /// <summary>A laughing emoji is read by the rules only: the message's features are those of the same text without it.</summary>
    [Theory]
    [InlineData("that was a good one, thanks for the invoice", "😂")]
    [InlineData("merci pour la photo", "🤣")]
    [InlineData("de server ligt plat", "😅")]
    public void A_laughing_emoji_is_no_feature_of_the_model(string message, string emoji)
    {
        var laughing = message + " " + emoji;

        Read.Rules(laughing).Laughs.Should().BeTrue();
        Read.Rules(message).Laughs.Should().BeFalse();
        Extracted.Names(laughing).Should().BeEquivalentTo(Extracted.Names(message));
    }
}
