using CheckinBot.Core.Pings;
using CheckinBot.Pings.Rules;
using CheckinBot.Pings.Tests.Features;
using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Tests.Rules;

/// <summary>
/// In a shared channel the client also talks to colleagues: "@Tom any news on the deck?" asks Tom, not the VA. A message
/// that opens with an @mention of someone else, typed or the platform's, and mentions the VA nowhere is never answered
/// as a status check of her work, whatever the model says; an emergency in it is still escalated. The rule reads only
/// who is addressed, no word of the message, and is no feature of the model.
/// </summary>
public class AQuestionToSomeoneElseIsNotTheVasToAnswerTests
{
    [Theory]
    [InlineData("@Tom any news on the deck?")]
    [InlineData("@tom.devries is the invoice sent?")]
    [InlineData("  @Sarah did you finish the report")]
    [InlineData("@Camille tu en es où avec le tableau ?")]
    [InlineData("@Joris hoe ver sta je met de offerte?")]
    [InlineData("@Tom @Sarah the slides, done?")]
    public void A_message_that_opens_on_someone_elses_mention_is_no_status_check(string message)
    {
        var rules = Read.Rules(message, "Ina");

        rules.ToSomeoneElse.Should().BeTrue();
        rules.Names().Should().Contain("rule: addressed to someone else");
        PingThresholds.Default.Decide(status: 0.99f, urgent: 0.0f, rules).Should().Be(PingClass.Other);
        PingThresholds.Default.Decide(status: 0.99f, urgent: 0.0f, rules with { ToSomeoneElse = false }).Should().Be(PingClass.StatusCheck);
    }

    [Fact]
    public void An_emergency_told_to_someone_else_is_still_escalated()
    {
        var rules = Read.Rules("@Tom the webshop is down and orders are failing", "Ina");

        rules.ToSomeoneElse.Should().BeTrue();
        PingThresholds.Default.Decide(status: 0.0f, urgent: 0.6f, rules).Should().Be(PingClass.Urgent);
        Read.Rules("@Tom urgent: the webshop is down", "Ina").ToSomeoneElse.Should().BeTrue();
        PingThresholds.Default.Decide(status: 0.0f, urgent: 0.0f, Read.Rules("@Tom urgent: the webshop is down", "Ina")).Should().Be(PingClass.Urgent);
    }

    [Theory]
    [InlineData("@Ina any news on the deck?")]
    [InlineData("@Tom @Ina any news on the deck?")]
    [InlineData("@Tom did Ina send the invoice?")]
    [InlineData("@here any news on the deck?")]
    [InlineData("@channel is the invoice sent?")]
    [InlineData("@everyone de offerte, al verstuurd?")]
    [InlineData("Tom, any news on the deck?")]
    [InlineData("Factures, envoyées ?")]
    [InlineData("any news on the deck @Tom?")]
    [InlineData("can you ask @Tom for the keys?")]
    public void A_message_to_the_VA_the_channel_or_no_one_by_mention_is_left_to_the_model(string message)
    {
        Read.Rules(message, "Ina").ToSomeoneElse.Should().BeFalse();
    }

    [Fact]
    public void Without_the_VAs_names_no_one_can_be_told_apart()
    {
        Read.Rules("@Tom any news on the deck?").ToSomeoneElse.Should().BeFalse();
    }

    [Fact]
    public void A_platform_mention_of_another_id_is_someone_else_and_of_hers_is_not()
    {
        string[] names = ["Ina"];
        string[] ids = ["U_INA"];

        Rules("<@U_TOM> any news on the deck?", names, ids).ToSomeoneElse.Should().BeTrue();
        Rules("<@U_TOM|tom> any news on the deck?", names, ids).ToSomeoneElse.Should().BeTrue();
        Rules("<@U_INA> any news on the deck?", names, ids).ToSomeoneElse.Should().BeFalse();
        Rules("<@U_TOM> <@U_INA> any news on the deck?", names, ids).ToSomeoneElse.Should().BeFalse();
    }

    /// <summary>The whole channel and a colleague give the model the same token: the rule, not the features, tells them apart.</summary>
    [Fact]
    public void The_rule_is_no_feature_of_the_model()
    {
        Extracted.Names("@here any news on the deck?", "Ina").Should().BeEquivalentTo(Extracted.Names("@Tom any news on the deck?", "Ina"));
    }

    private static RuleReading Rules(string message, string[] names, string[] ids)
    {
        var text = TextNormalizer.Normalize(message, names, ids);
        var used = new bool[text.Tokens.Count];
        return PingRules.Read(text, used);
    }
}
