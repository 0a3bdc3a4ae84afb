using CheckinBot.Bench.Peers;

namespace CheckinBot.Bench.Tests;

public sealed class AcknowledgementsAreReadForAnAnswer
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    [InlineData("{\"text\":\"\"}")]
    public void AnEmptyAcknowledgementCarriesNoAnswer(string body) => SlackContender.AnswerIn(body).Should().BeNull();

    [Fact]
    public void AnEphemeralAnswerIsItsText() =>
        SlackContender.AnswerIn("{\"response_type\":\"ephemeral\",\"text\":\"Use /checkin help\"}").Should().Be("Use /checkin help");

    [Fact]
    public void AnAnswerInBlocksOnlyIsItsBlocks() =>
        SlackContender.AnswerIn("{\"blocks\":[{\"type\":\"section\"}]}").Should().Be("[{\"type\":\"section\"}]");

    [Fact]
    public void APlainTextAcknowledgementIsShownAsItIs() => SlackContender.AnswerIn("busy").Should().Be("busy");
}
