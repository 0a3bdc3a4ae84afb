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

    [Fact]
    public void The_same_word_used_plainly_is_used()
    {
        var rules = Read.Rules("urgent: the payment page is down");

        rules.UrgentWord.Should().BeTrue();
        rules.Mentioned.Should().Be(0);
    }

    [Fact]
    public void A_talked_about_urgent_word_does_not_escalate_by_rule()
    {
        var verdict = PingClassifiers.Committed.Classify("take URGENT out of the subject line please");

        verdict.Reasons.Should().NotContain("rule: explicit urgent word").And.Contain("rule: quoted or mentioned word not used");
    }
}
