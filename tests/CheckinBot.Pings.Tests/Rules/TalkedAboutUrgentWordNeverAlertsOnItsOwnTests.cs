using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Tests.Rules;

public class TalkedAboutUrgentWordNeverAlertsOnItsOwnTests
{
    public static TheoryData<string> TalkedAbout => new()
    {
        "please stop marking every mail as 'urgent'",
        "please stop marking every mail as urgent, it stresses the team",
        "take URGENT out of the subject line",
        "stop putting 'urgent' on every ticket, to Marc everything is urgent",
        "he writes URGENT everywhere, just ignore it and keep to your plan",
        "zet niet overal dringend in het onderwerp",
        "Jan zet overal dringend in zijn mails, trek je daar niks van aan",
        "haal 'dringend' weg uit de titel van de nieuwsbrief, klinkt paniekerig",
        "voor hem is alles dringend, volg gewoon je planning",
        "arrête de mettre URGENT partout",
        "ne mets plus « urgent » dans l'objet, pour lui tout est urgent",
        "Paul écrit URGENT partout, ne t'en fais pas",
    };

    public static TheoryData<string> RealEmergencies => new()
    {
        "urgent: the site is down",
        "URGENT the checkout is broken, customers can't pay",
        "need the signed contract back asap, the notary closes at noon",
        "dringend, de bank belt",
        "dringend!! de betaalpagina ligt plat",
        "'t is dringend: de server ligt eruit",
        "c'est urgent, le serveur est en panne",
        "urgence : le site ne répond plus",
        "I'm ill, can you cancel everything today asap",
        "kan je alles morgen zsm verzetten, ik lig in bed",
        "annule tout demain asap stp, je suis malade",
    };

    [Theory]
    [MemberData(nameof(TalkedAbout))]
    public void An_urgent_word_that_is_quoted_or_talked_about_is_no_explicit_urgent_word(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeFalse();
        rules.UrgentTalkedAbout.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(TalkedAbout))]
    public void A_message_that_only_talks_about_an_urgent_word_raises_no_alert(string message)
    {
        PingClassifiers.Committed.Classify(message).Class.Should().NotBe(PingClass.Urgent);
    }

    [Theory]
    [MemberData(nameof(RealEmergencies))]
    public void An_emergency_with_an_urgent_word_still_alerts(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeTrue();
        rules.UrgentTalkedAbout.Should().BeFalse();
        PingClassifiers.Committed.Classify(message).Class.Should().Be(PingClass.Urgent);
    }

    [Fact]
    public void Once_the_word_is_talked_about_the_same_word_later_in_the_message_does_not_alert_by_rule()
    {
        var rules = Read.Rules("stop marking the invoices as 'urgent', they're all urgent to him");

        rules.UrgentWord.Should().BeFalse();
        rules.UrgentTalkedAbout.Should().BeTrue();
    }

    [Fact]
    public void A_talked_about_urgent_word_needs_a_stronger_model_to_alert_than_a_plain_message()
    {
        var talkedAbout = Read.Rules("take URGENT out of the subject line");
        var plain = Read.Rules("the subject line of the newsletter");
        var justOver = PingThresholds.Default.Urgent + 0.01f;

        PingThresholds.Default.Decide(status: 0.0f, urgent: justOver, plain).Should().Be(PingClass.Urgent);
        PingThresholds.Default.Decide(status: 0.0f, urgent: justOver, talkedAbout).Should().Be(PingClass.Other);
        PingThresholds.Default.Decide(status: 0.0f, urgent: PingThresholds.Default.UrgentWhenTalkedAbout, talkedAbout).Should().Be(PingClass.Urgent);
    }

    [Theory]
    [InlineData("write the report urgently, it's due in an hour")]
    [InlineData("zet dringend de verwarming aan in de winkel, de leidingen bevriezen")]
    [InlineData("hi all, urgent: the payment page is down")]
    [InlineData("salut tout le monde, urgent : plus de paiements")]
    public void An_urgent_word_near_a_verb_of_writing_or_a_word_for_all_is_still_used(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeTrue();
        rules.UrgentTalkedAbout.Should().BeFalse();
    }
}
