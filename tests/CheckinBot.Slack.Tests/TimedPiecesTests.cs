using CheckinBot.Core.Clock;
using CheckinBot.Slack.Delivery;
using CheckinBot.Slack.Installing;
using CheckinBot.Slack.WebApi;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Slack.Tests;

public sealed class TimedPiecesTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 5, 16, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SecondPostToAChannelWaitsItsTurnWhileAnotherChannelDoesNot()
    {
        var pacer = new ChannelPacer(Options.Create(new SlackOptions()), time);
        await pacer.WaitTurnAsync("T", "C1", default);

        var second = pacer.WaitTurnAsync("T", "C1", default);
        var elsewhere = pacer.WaitTurnAsync("T", "C2", default);

        elsewhere.IsCompletedSuccessfully.Should().BeTrue();
        second.IsCompleted.Should().BeFalse();
        time.Advance(TimeSpan.FromMilliseconds(999));
        second.IsCompleted.Should().BeFalse();
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void AResponseUrlServesFivePostsWithinHalfAnHour()
    {
        var urls = new SlackResponseUrls(new WallClock(time));
        urls.Remember("T", "C1", "U1", "https://hooks.slack.com/commands/T/1/abc");

        Enumerable.Range(0, 5).Select(_ => urls.Take("T", "C1", null)).Should().OnlyContain(u => u != null && u.Value.User == "U1");
        urls.Take("T", "C1", null).Should().BeNull("Slack takes five posts per response_url");

        urls.Remember("T", "C1", "U1", "https://hooks.slack.com/commands/T/1/def");
        time.Advance(TimeSpan.FromMinutes(31));
        urls.Take("T", "C1", null).Should().BeNull("a response_url lasts 30 minutes");
        urls.Take("T", "C2", null).Should().BeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hooks.slack.com/commands/T/1/abc")]
    [InlineData("file:///etc/passwd")]
    public void OnlyAnAbsoluteWebAddressIsKeptAsResponseUrl(string? url)
    {
        var urls = new SlackResponseUrls(new WallClock(time));
        urls.Remember("T", "C1", "U1", url);

        urls.Take("T", "C1", null).Should().BeNull();
    }
}
