using CheckinBot.Core.Pings;

namespace CheckinBot.Core.Tests.Pings;

public class UrgentReplyTests
{
    [Theory]
    [InlineData("dringend")]
    [InlineData("Ja, dringend!")]
    [InlineData("ja het is wel dringend")]
    [InlineData("URGENT")]
    [InlineData("yes it's urgent please")]
    [InlineData("oui c'est urgent")]
    [InlineData("Oui, c’est très urgent !")]
    public void A_short_yes_it_is_urgent_is_recognised(string text) => UrgentReply.Matches(text).Should().BeTrue();

    [Theory]
    [InlineData("niet dringend")]
    [InlineData("no rush")]
    [InlineData("is het dringend?  geen idee, zie maar")]
    [InlineData("urgent: the invoice for the new client needs to go out before noon today")]
    [InlineData("")]
    public void Anything_else_is_not(string text) => UrgentReply.Matches(text).Should().BeFalse();
}
