using CheckinBot.Core.Commands;

namespace CheckinBot.Core.Tests.Commands;

/// <summary>A typed word folded for comparison: lower case, trimmed, accents off, a curly apostrophe made straight.</summary>
public sealed class WordsFoldTests
{
    [Theory]
    [InlineData("help", "help")]
    [InlineData("  STATUS ", "status")]
    [InlineData("/CheckIn", "/checkin")]
    [InlineData("Café", "cafe")]
    [InlineData("ÉÉN", "een")]
    [InlineData("bézig’s", "bezig's")]
    [InlineData("don’t", "don't")]
    [InlineData("naïve\u0301", "naive")]
    public void AWordIsFolded(string typed, string folded) => Words.Fold(typed).Should().Be(folded);

    [Fact]
    public void AnAsciiWordAlreadyFoldedIsReturnedAsItIs()
    {
        var word = string.Concat("sta", "tus");

        Words.Fold(word).Should().BeSameAs(word);
    }
}
