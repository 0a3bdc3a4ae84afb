namespace CheckinBot.Pings.Tests.Features;

/// <summary>
/// A question about what the asker himself did ("did I send you the logins?", "heb ik dat al getekend?", "est-ce que je
/// t'ai envoyé le devis ?") asks his own memory, not how far the VA is: one feature for the first person with a
/// past-tense auxiliary in a sentence that asks, shared by the three languages, which word pairs ("did i", "heb ik")
/// learn only one form at a time. Only the asking word order counts (the auxiliary before the pronoun, or French
/// "est-ce que j'ai"): "ik heb een vraag: …" and "j'ai vu ton message, …" open status checks in the order of a
/// statement.
/// </summary>
public class OwnDoingFeatureTests
{
    private const string OwnDoing = "o:own doing";

    [Theory]
    [InlineData("Did I already send you the contract?")]
    [InlineData("have i paid the printer yet?")]
    [InlineData("I signed it last week, have I not?")]
    [InlineData("Heb ik de factuur al betaald?")]
    [InlineData("had ik jou het wachtwoord al gegeven?")]
    [InlineData("Est-ce que je t'ai envoyé le devis ?")]
    [InlineData("Ai-je signé la convention ?")]
    [InlineData("Dis, est-ce que j'ai déjà payé la facture ?")]
    public void A_question_about_the_askers_own_doing_has_the_feature(string message)
    {
        Extracted.Names(message).Should().Contain(OwnDoing);
    }

    [Theory]
    [InlineData("Did you send the contract?")]
    [InlineData("Heb je de factuur al betaald?")]
    [InlineData("As-tu envoyé le devis ?")]
    [InlineData("is the room booked or shall I call them myself?")]
    [InlineData("I have sent you the contract.")]
    [InlineData("ik heb de offerte goedgekeurd. Is ze al verstuurd?")]
    [InlineData("J'ai vu ton message. Le devis est parti ?")]
    [InlineData("ik heb een vraag: is de offerte al verstuurd?")]
    [InlineData("I have a question: did the venue reply?")]
    public void A_question_about_the_vas_work_or_a_statement_has_not(string message)
    {
        Extracted.Names(message).Should().NotContain(OwnDoing);
    }
}
