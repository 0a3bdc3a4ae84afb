using CheckinBot.Bench.Peers;

namespace CheckinBot.Bench.Tests;

public sealed class EachSlackPhaseMayComeFromStrangers
{
    [Fact]
    public async Task ByDefaultEveryPhaseHasTheSamePersonPerChannelNumber()
    {
        await using var fake = new FakePlatform(new AnswerLedger());
        using var contender = new SlackContender("bot", new Uri("http://127.0.0.1/"), "s", 5_000, fake, new AnswerLedger(), TimeSpan.FromSeconds(3));

        contender.PersonOf("s", 5_007).Should().Be("U00007").And.Be(contender.PersonOf("o", 7));
    }

    [Fact]
    public async Task WithStrangersEachPhaseHasItsOwnPeople()
    {
        await using var fake = new FakePlatform(new AnswerLedger());
        using var contender = new SlackContender("bot", new Uri("http://127.0.0.1/"), "s", 5_000, fake, new AnswerLedger(), TimeSpan.FromSeconds(3), strangers: true);

        contender.PersonOf("s", 7).Should().Be("US00007");
        contender.PersonOf("o", 7).Should().Be("UO00007").And.NotBe(contender.PersonOf("s", 7));
        contender.PersonOf("o", 5_007).Should().Be("UO00007");
    }
}
