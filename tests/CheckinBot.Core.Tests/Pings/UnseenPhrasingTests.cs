using CheckinBot.Core.Pings;

namespace CheckinBot.Core.Tests.Pings;

/// <summary>Phrasings written outside the dev set, to keep the cues general rather than memorised.</summary>
public class UnseenPhrasingTests
{
    private readonly PingClassifier classifier = new();

    [Theory]
    [InlineData("When can I expect the draft?")]
    [InlineData("Did you get to the inbox cleanup?")]
    [InlineData("did the emails go out?")]
    [InlineData("What's the progress on the onboarding doc?")]
    [InlineData("Just wondering how the cold emails are going")]
    [InlineData("alles onder controle met het verslag?")]
    [InlineData("Staat de blogpost al online?")]
    [InlineData("Hoe staan we ervoor?")]
    [InlineData("Ça se passe bien avec les factures ?")]
    [InlineData("Des avancées sur la newsletter ?")]
    [InlineData("La facture est partie ?")]
    [InlineData("Où tu en es du tableau ?")]
    [InlineData("Tu t'en sors avec l'import ?")]
    public void Status_checks_in_new_words_are_recognised(string text) =>
        classifier.Classify(text).Class.Should().Be(PingClass.StatusCheck);

    [Theory]
    [InlineData("Did you get to the office ok?")]
    [InlineData("When can we expect you back from holiday?")]
    [InlineData("Can you send me the final version when it's ready?")]
    [InlineData("Is de vergadering online of op kantoor?")]
    [InlineData("Wat vind je van het nieuwe logo?")]
    public void Look_alikes_stay_other(string text) =>
        classifier.Classify(text).Class.Should().Be(PingClass.Other);
}
