using CheckinBot.Core.Pings;
using CheckinBot.Pings.Evaluation;
using CheckinBot.Pings.Rules;

namespace CheckinBot.Pings.Tests.Rules;

/// <summary>
/// The urgency of a follow-up ("try the work number on the form") lies in the client's urgent message before it. Told
/// that a message follows one, the classifier reads urgency from a much lower bar; it says when being told could
/// change its decision, so the caller reads the ping log only then.
/// </summary>
public class AFollowUpOfAnEmergencyTests
{
    private static readonly PingThresholds Thresholds = PingThresholds.Default;
    private static readonly RuleReading Plain = Read.Rules("try the work number on the form");

    [Fact]
    public void Following_an_urgent_message_a_message_is_urgent_from_the_lower_bar()
    {
        var bar = Thresholds.UrgentFollowingUrgent!.Value;

        bar.Should().BeLessThan(Thresholds.Urgent);
        Thresholds.Decide(status: 0.1f, urgent: bar, Plain, followsUrgent: true).Should().Be(PingClass.Urgent);
        Thresholds.Decide(status: 0.1f, urgent: bar, Plain).Should().Be(PingClass.Other);
        Thresholds.Decide(status: 0.1f, urgent: bar * 0.9f, Plain, followsUrgent: true).Should().Be(PingClass.Other);
    }

    [Fact]
    public void A_status_check_in_an_emergency_is_still_answered_as_one()
    {
        Thresholds.Decide(status: 0.9f, urgent: 0.1f, Plain, followsUrgent: true).Should().Be(PingClass.StatusCheck);
    }

    [Fact]
    public void A_calm_follow_up_or_a_command_is_not_escalated()
    {
        Thresholds.Decide(status: 0.1f, urgent: 0.1f, Read.Rules("sorted now, no rush anymore"), followsUrgent: true).Should().Be(PingClass.Other);
        Thresholds.Decide(status: 0.1f, urgent: 0.1f, Plain with { Command = true }, followsUrgent: true).Should().Be(PingClass.Other);
    }

    [Fact]
    public void Without_the_rule_following_an_urgent_message_changes_nothing()
    {
        (Thresholds with { UrgentFollowingUrgent = null }).Decide(status: 0.1f, urgent: 0.1f, Plain, followsUrgent: true).Should().Be(PingClass.Other);
    }

    [Theory]
    [InlineData("try the work number on the form")]
    [InlineData("Probeer eerst Daan, dan Yasmin. Nummers staan in de sheet")]
    [InlineData("le code est dans le coffre, celui du bureau")]
    [InlineData("thanks, looks great")]
    [InlineData("any update on the invoices?")]
    public void The_verdict_says_when_following_an_urgent_message_would_change_it(string message)
    {
        var alone = PingClassifiers.Committed.Classify(message);
        var following = PingClassifiers.Committed.Classify(message, followsUrgent: true);

        alone.FollowingUrgentMatters.Should().Be(following.Class != alone.Class);
        following.FollowingUrgentMatters.Should().BeFalse();
        following.Reasons.Should().Contain("follows an urgent message");
    }

    [Fact]
    public void In_a_corpus_in_send_order_the_row_after_an_urgent_one_is_read_as_following_it()
    {
        string[] lines =
        [
            "# va: Ina", "# order: as sent", "id\tlang\tlabel\ttext",
            "x-1\ten\turgent\tURGENT: the shop is down", "x-2\ten\turgent\ttry the work number on the form", "x-3\ten\tother\tthanks",
        ];
        var inOrder = new LabelledCorpus("x.tsv", ["Ina"], PingCorpus.Parse(lines), [], PingCorpus.InSendOrderOf(lines));
        var unordered = inOrder with { InSendOrder = false };

        var scored = LeaveOneCorpusOut.Score(PingClassifiers.Committed, inOrder, featureNames: false).ToList();

        inOrder.InSendOrder.Should().BeTrue();
        scored[0].Reading.Verdict.Class.Should().Be(PingClass.Urgent);
        scored.Select(s => s.FollowsUrgent).Should().Equal(false, true, scored[1].Reading.Verdict.Class == PingClass.Urgent);
        LeaveOneCorpusOut.Score(PingClassifiers.Committed, unordered, featureNames: false).Should().OnlyContain(s => !s.FollowsUrgent);
    }
}
