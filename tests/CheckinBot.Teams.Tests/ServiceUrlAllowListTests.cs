using CheckinBot.Teams.Authentication;
using Microsoft.Extensions.Options;

namespace CheckinBot.Teams.Tests;

/// <summary>Which service URLs the bot's token may travel to: Microsoft's https hosts, and configured base URLs only.</summary>
public sealed class ServiceUrlAllowListTests
{
    private static ServiceUrlAllowList With(params string[] configured)
    {
        var options = new TeamsOptions();
        foreach (var url in configured)
        {
            options.AllowedServiceUrls.Add(url);
        }

        return new ServiceUrlAllowList(Options.Create(options));
    }

    [Fact]
    public void EachAnswerStaysRightWhenMoreServiceUrlsAreAskedAboutThanAreRemembered()
    {
        var list = With("http://127.0.0.1:3978/");

        for (var i = 0; i < 3_000; i++)
        {
            list.Allows($"https://bot{i}.example.com/").Should().BeFalse();
            list.Allows("https://smba.trafficmanager.net/emea/").Should().BeTrue();
            list.Allows($"http://127.0.0.1:3978/{i}/").Should().BeTrue();
            list.Allows($"http://127.0.0.1:{4000 + i}/").Should().BeFalse();
        }
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://SMBA.trafficmanager.net/amer")]
    [InlineData("https://webchat.botframework.com/")]
    [InlineData("https://europe.webchat.botframework.com/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams")]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/teams")]
    [InlineData("https://directline.botframework.azure.us/")]
    public void TheBotFrameworksOwnHttpsHostsAreAllowed(string url) => With().Allows(url).Should().BeTrue();

    [Theory]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net:8443/emea/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/emea/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://botframework.com.evil.example/")]
    [InlineData("https://user:pass@smba.trafficmanager.net/emea/")]
    [InlineData("https://attacker.example/smba.trafficmanager.net/")]
    [InlineData("http://127.0.0.1:3978/")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("/relative/path")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingElseIsRefused(string? url) => With().Allows(url).Should().BeFalse();

    [Fact]
    public void AConfiguredBaseUrlAllowsWhatLiesUnderItAndNothingBeside()
    {
        var list = With("http://127.0.0.1:3978/connector");

        list.Allows("http://127.0.0.1:3978/connector/").Should().BeTrue();
        list.Allows("http://127.0.0.1:3978/connector/amer/").Should().BeTrue();
        list.Allows("http://127.0.0.1:3978/connectorx/").Should().BeFalse();
        list.Allows("http://127.0.0.1:3979/connector/").Should().BeFalse();
        list.Allows("https://127.0.0.1:3978/connector/").Should().BeFalse();
        list.Allows("http://localhost:3978/connector/").Should().BeFalse();
    }
}
