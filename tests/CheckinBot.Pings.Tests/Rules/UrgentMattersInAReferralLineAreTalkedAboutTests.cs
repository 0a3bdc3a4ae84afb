using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Tests.Rules;

/// <summary>
/// An urgent word used as the adjective of "matters", "zaken", "affaires" after "for", "voor", "pour" (an out-of-office
/// or referral line: "for urgent matters call …") says where urgent things should go; it does not say this message is
/// urgent. It is talked about, not used. So is an urgent word after "anything" ("anything urgent, text Jo": a thing that
/// may come, not one that has), and so is something urgent after "if" ("if something urgent comes in", "als er iets
/// dringends is", "s'il y a quelque chose d'urgent"), and "pour toute urgence", "voor iets dringends".
/// </summary>
public class UrgentMattersInAReferralLineAreTalkedAboutTests
{
    public static TheoryData<string> ReferralLines => new()
    {
        "Out of office until Monday. For urgent matters please call Tom on 555 0199.",
        "I'm away this week; in urgent cases contact the front desk",
        "off tomorrow, for any urgent questions ask Sam",
        "Ik ben met verlof tot maandag. Voor dringende zaken bel Piet op 0470 12 34 56.",
        "afwezig tot 3 januari, bij dringende vragen kunt u terecht bij de balie",
        "Absente jusqu'au 5 janvier. Pour les affaires urgentes, appelez Claire au 06 12 34 56 78.",
        "je suis en congé, pour toute question urgente contactez l'accueil",
        "en cas d'urgence, appelez le standard",
        "Back Tuesday. Anything urgent, ring Dana on the landline.",
        "on leave next week, for anything urgent message me on Signal",
        "if anything urgent comes up while I'm at the dentist, text Jo",
        "Voor iets dringends kunt u Jan bellen op 0486 11 22 33",
        "En congé jusqu'au 10. Pour toute urgence, contactez Marc au 079 555 12 12.",
        "out of office; for any emergency outside these hours call the front desk",
        "if something urgent comes in while I'm skiing, ring the office",
        "mocht er iets dringends zijn, stuur een sms naar Pieter",
        "als er iets dringend binnenkomt, bel je de balie",
        "s'il y a quelque chose d'urgent pendant mon absence, appelle Lucie",
        "si quelque chose d'urgent arrive, préviens Marc",
    };

    public static TheoryData<string> UsedUrgentMatters => new()
    {
        "I have an urgent matter, call me back",
        "urgent matter: the bank froze the account",
        "dringende zaak: de kassa ligt plat",
        "ik heb een dringende vraag over de factuur, bel me",
        "affaire urgente : le client menace d'annuler",
        "for the love of god, urgent: the site is down",
        "something urgent came up with the payroll, can you call me",
        "ik heb iets dringends, bel me even terug",
        "à traiter en toute urgence svp, le client attend",
        "je t'écris pour une urgence : le site est en panne",
        "it's something urgent, call me when you can",
        "er is iets dringends: de kassa ligt plat",
        "j'ai quelque chose d'urgent, rappelle-moi",
    };

    [Theory]
    [MemberData(nameof(ReferralLines))]
    public void An_urgent_word_that_qualifies_matters_in_a_referral_line_is_talked_about(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeFalse();
        rules.UrgentTalkedAbout.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(ReferralLines))]
    public void A_referral_line_raises_no_urgent_alert_by_rule(string message)
    {
        PingClassifiers.Committed.Classify(message).Reasons.Should().NotContain("rule: explicit urgent word");
    }

    [Theory]
    [MemberData(nameof(UsedUrgentMatters))]
    public void An_urgent_matter_that_is_not_referred_elsewhere_is_urgent(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeTrue();
        rules.UrgentTalkedAbout.Should().BeFalse();
        PingClassifiers.Committed.Classify(message).Class.Should().Be(PingClass.Urgent);
    }
}
