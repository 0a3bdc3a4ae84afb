using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Tests.Rules;

public class VaNameReadsAsMentionTests
{
    [Fact]
    public void The_vas_name_at_the_start_addresses_her_and_leaves_no_word()
    {
        var text = TextNormalizer.Normalize("Ina?? the deck", ["Ina"]);

        text.Tokens.Should().Equal("the", "deck");
        Read.Rules("Ina?? the deck", "Ina").Addressed.Should().BeTrue();
    }

    [Fact]
    public void The_vas_name_inside_a_message_reads_as_a_mention()
    {
        TextNormalizer.Normalize("thanks ina for the deck", ["Ina"]).Tokens.Should().Equal("thanks", "<mention>", "for", "the", "deck");
    }

    [Fact]
    public void Without_her_name_it_is_an_ordinary_word()
    {
        TextNormalizer.Normalize("thanks ina for the deck").Tokens.Should().Contain("ina");
        Read.Rules("thanks ina for the deck").Addressed.Should().BeFalse();
    }

    [Fact]
    public void Her_name_reads_as_a_mention_each_time_in_any_case()
    {
        TextNormalizer.Normalize("thanks INA, and ina_ or ina", ["Ina"]).Tokens.Should().Equal("thanks", "<mention>", "and", "ina", "or", "<mention>");
    }

    [Fact]
    public void Her_name_inside_a_longer_word_is_an_ordinary_word()
    {
        TextNormalizer.Normalize("Inaya and Marina sent the deck", ["Ina"]).Tokens.Should().Equal("inaya", "and", "marina", "sent", "the", "deck");
    }
}
