using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Tests.Rules;

/// <summary>
/// An exception made for urgency ("don't call unless it's urgent", "sauf urgence", "tenzij het dringend is") says what
/// would be urgent, not that this message is: the urgent word is talked about. The shorthands ("asap", "zsm") and
/// "urgently" are ways of doing something and stay used after "unless": "unless you send it asap we lose the slot".
/// </summary>
public class AnExceptionForUrgencyIsTalkedAboutTests
{
    public static TheoryData<string> Exceptions => new()
    {
        "I'm on the train all afternoon, don't ring unless it's urgent",
        "no calls this week unless it's a real emergency please",
        "answer the supplier emails, except urgent ones, after the holidays",
        "Je suis en séminaire demain, pas de téléphone sauf urgence.",
        "ne me dérange pas ce week-end, sauf si c'est vraiment urgent",
        "Morgen ben ik niet bereikbaar, tenzij het echt dringend is.",
        "geen telefoontjes deze week behalve bij een noodgeval",
    };

    public static TheoryData<string> UsedAfterAnException => new()
    {
        "unless you send the contract asap we lose the slot",
        "tenzij je het zsm opstuurt, missen we de deadline",
        "we lose the client unless this is fixed urgently",
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void An_urgent_word_after_an_exception_is_talked_about(string message)
    {
        var rules = Read.Rules(message);

        rules.UrgentWord.Should().BeFalse();
        rules.UrgentTalkedAbout.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void An_exception_for_urgency_raises_no_urgent_alert_by_rule(string message)
    {
        PingClassifiers.Committed.Classify(message).Reasons.Should().NotContain("rule: explicit urgent word");
    }

    [Theory]
    [MemberData(nameof(UsedAfterAnException))]
    public void A_shorthand_or_urgently_after_unless_stays_used(string message)
    {
        Read.Rules(message).UrgentWord.Should().BeTrue();
    }
}
