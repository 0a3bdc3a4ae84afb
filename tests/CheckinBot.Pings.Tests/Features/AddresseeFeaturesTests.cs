using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Tests.Features;

/// <summary>
/// Who a question is addressed to: a leading @mention of someone who is not the VA ("@Tom did you get the keys?") is a
/// feature shared by every such name, and so is a message that opens by calling someone else by name ("Sarah, …"), apart
/// from the VA's own name or mention (read by the addressed rule).
/// </summary>
public class AddresseeFeaturesTests
{
    private static readonly string[] Va = ["Ina"];

    [Theory]
    [InlineData("@Tom did you get the keys back?")]
    [InlineData("@sarah.peeters heb jij de sleutels?")]
    [InlineData("@Léa le fleuriste t'a répondu ?")]
    public void A_question_to_a_colleague_by_mention_is_addressed_to_someone_else(string message)
    {
        var names = Extracted.Names(message, Va);
        var rules = Rules.Read.Rules(message, Va);

        names.Should().Contain(["a:other", "a:other question", "f:<someone>"]);
        rules.Addressed.Should().BeFalse();
    }

    [Theory]
    [InlineData("Sarah, is de zaal in Gent al vastgelegd?")]
    [InlineData("Olivier, le bug du panier est corrigé ?")]
    public void A_question_that_calls_a_colleague_by_name_is_addressed_to_someone_else(string message)
    {
        var names = Extracted.Names(message, Va);

        names.Should().Contain(["a:other", "a:other question"]).And.NotContain("w:sarah").And.NotContain("w:olivier");
    }

    [Theory]
    [InlineData("Bonjour, tu en es où avec le devis ?")]
    [InlineData("Hi, any news on the deck?")]
    [InlineData("Dringend: de site ligt plat")]
    [InlineData("Heyyy, did the invoices go out?")]
    [InlineData("Yo, is the report done?")]
    [InlineData("Hallooo, staan de foto's al online?")]
    [InlineData("Pis, as-tu appelé le notaire ?")]
    [InlineData("Hola, any news from the printer?")]
    public void A_greeting_or_an_urgent_word_before_a_comma_calls_no_one(string message)
    {
        var names = Extracted.Names(message, Va);

        names.Should().NotContain(n => n.StartsWith("a:", StringComparison.Ordinal));
    }

    /// <summary>
    /// A capitalised word before a colon heads the message with its topic ("Nieuwsbrief: …"), as chat writers label what
    /// they ask about; a name is called with a comma. Across the corpora 3 of about 60 such words were names.
    /// </summary>
    [Theory]
    [InlineData("Nieuwsbrief: al verstuurd?")]
    [InlineData("Invoices: all out the door?")]
    [InlineData("Devis : parti chez le client ?")]
    public void A_topic_before_a_colon_calls_no_one(string message) => CallsNoOneElse(message);

    /// <summary>A first name is short; a word longer than that before a comma is a topic, often a compound noun.</summary>
    [Theory]
    [InlineData("Jaarrekeningen, al iets van gehoord?")]
    [InlineData("Subsidieaanvraag, any news?")]
    [InlineData("Reconciliations, where are we?")]
    public void A_long_word_before_a_comma_calls_no_one(string message) => CallsNoOneElse(message);

    [Theory]
    [InlineData("Pff, nog altijd niks van de drukker?")]
    [InlineData("Ugh, did the courier ever show up?")]
    [InlineData("Tiens, le devis est parti ?")]
    [InlineData("Coudonc, as-tu rappelé le garage ?")]
    [InlineData("Joh, heb je de huurder al gebeld?")]
    public void An_interjection_before_a_comma_calls_no_one(string message) => CallsNoOneElse(message);

    /// <summary>A term of endearment calls the person written to, the VA, by another name: no one else is meant.</summary>
    [Theory]
    [InlineData("Schat, heb je de offerte van de drukker al doorgestuurd?")]
    [InlineData("Lieverd: staat de afspraak met de boekhouder al?")]
    [InlineData("Darling, did the florist confirm the tables?")]
    [InlineData("Hun, any luck with the refund?")]
    [InlineData("Chérie, as-tu relancé le traiteur ?")]
    [InlineData("Meid, hoe ver sta je met de mailing?")]
    public void A_term_of_endearment_before_a_comma_calls_no_one_else(string message) => CallsNoOneElse(message);

    [Theory]
    [InlineData("@Ina did you get the keys back?")]
    [InlineData("@ina.devries heb jij de sleutels?")]
    [InlineData("Ina, le fleuriste t'a répondu ?")]
    public void The_same_question_to_the_va_is_not(string message)
    {
        CallsNoOneElse(message);
        Rules.Read.Rules(message, Va).Addressed.Should().BeTrue();
    }

    [Fact]
    public void A_colleague_mentioned_further_on_is_a_word_not_the_addressee()
    {
        var names = Extracted.Names("can you ask @Tom for the keys?", Va);

        names.Should().Contain("w:<someone>").And.NotContain("a:other");
    }

    [Fact]
    public void A_statement_to_a_colleague_is_addressed_to_someone_else_without_the_question()
    {
        var names = Extracted.Names("@Tom the keys are on my desk", Va);

        names.Should().Contain("a:other").And.NotContain("a:other question");
    }

    [Fact]
    public void Without_the_vas_names_every_mention_reads_as_before()
    {
        var text = TextNormalizer.Normalize("@Tom did you get the keys back?");

        text.Tokens.Should().NotContain("<someone>");
        text.StartsAddressed.Should().BeTrue();
    }

    private static void CallsNoOneElse(string message) =>
        Extracted.Names(message, Va).Should().NotContain(n =>
            n.StartsWith("a:", StringComparison.Ordinal) || n.Contains("<someone>", StringComparison.Ordinal));
}
