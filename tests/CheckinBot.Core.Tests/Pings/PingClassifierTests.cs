using CheckinBot.Core.Pings;

namespace CheckinBot.Core.Tests.Pings;

/// <summary>Tricky cases, deliberately written apart from the dev corpus to show the cues generalise.</summary>
public class PingClassifierTests
{
    private readonly PingClassifier _classifier = new();

    [Theory]
    [InlineData("Zijde gij al begonnen aan die offerte?")]
    [InlineData("hoe ver staat ge met de presentatie")]
    [InlineData("Is de mailing al vertrokken?")]
    [InlineData("En, al een beetje opgeschoten met de planning?")]
    [InlineData("Loopt alles volgens plan met de verhuis?")]
    [InlineData("Kan je me laten weten wanneer de flyers klaar zijn?")]
    [InlineData("updaaaate?? 🙏")]
    [InlineData("Zit ge al aan de helft?")]
    [InlineData("👀 de offerte?")]
    [InlineData("Hows the report comin along?")]
    [InlineData("any updaets on the slides?")]
    [InlineData("Is the proposal finished yet?")]
    [InlineData("Have you had a chance to look at the budget yet?")]
    [InlineData("How much is left on the spreadsheet?")]
    [InlineData("Ping me once the brochure is done")]
    [InlineData("⏰?")]
    [InlineData("ca avance le rapport ?")]
    [InlineData("Ou en es-tu avec la presentation ?")]
    [InlineData("T'as fini les factures ?")]
    [InlineData("Le rapport est terminé ?")]
    [InlineData("Tu me dis quand c'est fini ?")]
    [InlineData("Alors, ce rapport ?")]
    [InlineData("What's the latest on the booking?")]
    [InlineData("where's the newsletter at?")]
    [InlineData("Schiet het een beetje op met de nieuwsbrief?")]
    [InlineData("Quand est-ce que le rapport sera prêt ?")]
    public void Progress_questions_are_status_checks(string message)
    {
        _classifier.Classify(message).Class.Should().Be(PingClass.StatusCheck);
    }

    [Theory]
    [InlineData("DRINGEND!!! server ligt plat")]
    [InlineData("zsm terugbellen aub, klant staat aan de deur")]
    [InlineData("🚨 de betaalpagina werkt niet meer")]
    [InlineData("Kan je onmiddelijk de campagne stopzetten? Er staat een fout in!!")]
    [InlineData("Hulp nodig, de klant kan niet betalen en zit te wachten!!")]
    [InlineData("SITE IS DOWN!!!")]
    [InlineData("need this asap, investor call in 20 min")]
    [InlineData("Emergancy: the payment page shows an error to every customer")]
    [InlineData("help!!! I deleted the whole shared folder by accident")]
    [InlineData("Au secours, je n'arrive plus à me connecter et la réunion commence dans 10 min")]
    [InlineData("Appelle-moi tout de suite stp")]
    public void Alarms_are_urgent(string message)
    {
        _classifier.Classify(message).Class.Should().Be(PingClass.Urgent);
    }

    [Theory]
    [InlineData("Niet dringend hoor, maar mag de offerte in het Engels?")]
    [InlineData("Not urgent, but could you rename the files when you have time?")]
    [InlineData("Pas urgent, mais tu pourrais classer les photos ?")]
    [InlineData("Geen haast, maar kan je de map eens opruimen?")]
    public void Negated_urgency_is_not_urgent(string message)
    {
        var verdict = _classifier.Classify(message);

        verdict.Class.Should().Be(PingClass.Other);
        verdict.Cues.Should().Contain(c => c.StartsWith("negated urgency", StringComparison.Ordinal));
    }

    [Fact]
    public void A_status_question_marked_not_urgent_stays_a_status_check()
    {
        _classifier.Classify("Niet dringend, maar hoe ver sta je met de offerte?").Class.Should().Be(PingClass.StatusCheck);
    }

    [Theory]
    [InlineData("Kan je de planning updaten met de nieuwe data?")]
    [InlineData("Please update the CRM with the new leads")]
    [InlineData("Tu peux mettre à jour le site avec les nouveaux prix ?")]
    [InlineData("Here's the update from the client: they want blue")]
    [InlineData("No need to update me today, enjoy your afternoon")]
    [InlineData("Petite mise à jour : la réunion est déplacée à jeudi")]
    public void Update_as_work_or_as_news_is_not_a_status_check(string message)
    {
        _classifier.Classify(message).Class.Should().Be(PingClass.Other);
    }

    [Theory]
    [InlineData("Vergeet de bijlage niet mee te sturen")]
    [InlineData("N'oublie pas d'envoyer la facture à Paul")]
    [InlineData("Waar vind ik de inlogcodes van Canva?")]
    [InlineData("Dank je wel, super gedaan!")]
    [InlineData("Wanneer ga je op vakantie?")]
    [InlineData("Hoe ver is het station van het hotel?")]
    [InlineData("How far is the airport from the hotel?")]
    [InlineData("Can you start the travel booking tomorrow morning?")]
    [InlineData("Did you enjoy your holiday?")]
    [InlineData("Is the report in landscape or portrait?")]
    [InlineData("Heb je ooit met Canva gewerkt?")]
    [InlineData("Ben je klaar voor de vergadering van morgen?")]
    [InlineData("Voici le lien vers les photos : https://example.com/x")]
    [InlineData("Tu pars en vacances quand ?")]
    [InlineData("Heb je al gegeten? Haha")]
    [InlineData("Can you finish the slides before Friday?")]
    [InlineData("Wat is de status van mijn terugbetaling bij Coolblue?")]
    [InlineData("/checkin pause all until 2027-01-05")]
    public void Instructions_thanks_and_other_questions_are_other(string message)
    {
        _classifier.Classify(message).Class.Should().Be(PingClass.Other);
    }

    [Fact]
    public void Urgent_wins_over_a_status_question()
    {
        var verdict = _classifier.Classify("any update? it's urgent, client waiting");

        verdict.Class.Should().Be(PingClass.Urgent);
        verdict.Cues.Should().Contain("urgent word: 'urgent'");
    }

    [Fact]
    public void The_verdict_names_the_cue_that_decided()
    {
        var verdict = _classifier.Classify("Ben je eraan begonnen?");

        verdict.Cues.Should().Contain("progress question: 'begonnen'");
    }

    [Fact]
    public void A_typo_in_an_urgent_word_is_tolerated_but_not_a_different_word()
    {
        _classifier.Classify("dringnd: de webshop toont foute prijzen").Class.Should().Be(PingClass.Urgent);
        _classifier.Classify("Il reste de l'argent sur le budget ads ?").Class.Should().Be(PingClass.Other);
    }

    [Fact]
    public void Joking_about_needing_a_holiday_urgently_is_not_urgent()
    {
        _classifier.Classify("Ik moet dringend eens op reis haha").Class.Should().Be(PingClass.Other);
    }

    [Theory]
    [InlineData("Hoe ver sta je met de offerte?", "nl")]
    [InlineData("How far along are you with the slides?", "en")]
    [InlineData("Où en est le rapport ?", "fr")]
    [InlineData("Status update graag", "nl")]
    public void The_language_is_detected_without_a_hint(string message, string language)
    {
        _classifier.Classify(message).Language.Should().Be(language);
    }

    [Fact]
    public void A_language_hint_is_used_as_given()
    {
        _classifier.Classify("Update?", "fr-BE").Language.Should().Be("fr");
    }

    [Fact]
    public void An_empty_message_is_other()
    {
        _classifier.Classify("   ").Class.Should().Be(PingClass.Other);
    }

    [Theory]
    [InlineData("Ina?? the newsletter 😩")]
    [InlineData("Ina when will the receipts be sorted")]
    [InlineData("@Ina hoe loopt het met de posts?")]
    public void Addressing_the_VA_by_name_does_not_hide_the_question(string message)
    {
        _classifier.Classify(message, names: ["Ina"]).Class.Should().Be(PingClass.StatusCheck);
    }

    [Theory]
    [InlineData("No rush on the rest, but the checkout is broken for everyone, can you look at that first?")]
    [InlineData("Geen haast met de rest, maar sinds vanmorgen komen er geen bestellingen meer binnen")]
    public void A_but_after_no_rush_takes_the_softening_away(string message)
    {
        _classifier.Classify(message).Class.Should().Be(PingClass.Urgent);
    }

    [Theory]
    [InlineData("Wanneer de nieuwsbrief klaar is, stuur je hem dan eerst naar mij?")]
    [InlineData("Quand ce sera fini, envoie-le moi d'abord pour validation")]
    [InlineData("When the deck is done, drop it in the shared folder")]
    public void A_clause_about_later_is_an_instruction_not_a_check_in(string message)
    {
        _classifier.Classify(message).Class.Should().Be(PingClass.Other);
    }
}
