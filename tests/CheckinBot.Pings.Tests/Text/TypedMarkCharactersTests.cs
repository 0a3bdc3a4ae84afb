using CheckinBot.Pings.Text;
using FluentAssertions;
using Xunit;

namespace CheckinBot.Pings.Tests.Text;

/// <summary>
/// The normaliser stands in for a mention, someone else and French "où" with private-use characters while it folds a
/// message. The same characters typed by a user (or sent by a hostile client) are not those words: they are dropped.
/// </summary>
public class TypedMarkCharactersTests
{
    [Theory]
    [InlineData("\uE000 any update?", "any update")]
    [InlineData("any \uE001 update?", "any update")]
    [InlineData("t'en es \uE002 ?", "t en es")]
    [InlineData("\uE000\uE001\uE002", "")]
    public void A_typed_mark_character_is_no_word(string message, string expected) =>
        TextNormalizer.Normalize(message).Joined.Should().Be(expected);

    [Fact]
    public void A_typed_mark_character_does_not_address_the_VA()
    {
        var text = TextNormalizer.Normalize("\uE000 where are we?");

        text.StartsAddressed.Should().BeFalse();
        text.TokenArray.Should().Equal("where", "are", "we");
    }

    [Fact]
    public void Marks_the_normaliser_makes_itself_still_read_as_words()
    {
        var text = TextNormalizer.Normalize("@Ina t'en es où ?", names: ["Ina"]);

        text.StartsAddressed.Should().BeTrue();
        text.TokenArray.Should().Equal("t", "en", "es", TextNormalizer.Where);
    }
}
