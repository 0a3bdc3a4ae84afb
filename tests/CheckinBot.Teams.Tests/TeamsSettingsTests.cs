using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Teams.Tests;

/// <summary>The security settings of Teams are checked at start, and a wrong one names its key.</summary>
public sealed class TeamsSettingsTests
{
    private static Action Start(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Teams:AppId"] = "7f0c1a2b-0000-4c3d-9e8f-a1b2c3d4e5f6",
            ["Teams:AppPassword"] = "s3cret",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return () => new ServiceCollection().AddTeams(configuration);
    }

    [Theory]
    [InlineData("Teams:AllowedServiceUrls:0", "http://connector.example.org/", "Teams:AllowedServiceUrls:0")]
    [InlineData("Teams:AllowedServiceUrls:0", "not a url", "Teams:AllowedServiceUrls:0")]
    [InlineData("Teams:AllowedServiceUrls:0", "https://user:pass@connector.example.org/", "Teams:AllowedServiceUrls:0")]
    [InlineData("Teams:AllowedCallers:0", " ", "Teams:AllowedCallers")]
    public void AWrongSecuritySettingNamesItsKey(string key, string value, string named) =>
        Start((key, value)).Should().Throw<TeamsConfigurationException>().Which.Key.Should().Be(named);

    [Fact]
    public void HttpsServiceUrlsAndLoopbackOnesAreAccepted() =>
        Start(("Teams:AllowedServiceUrls:0", "https://connector.example.org/"), ("Teams:AllowedServiceUrls:1", "http://127.0.0.1:3978/"),
            ("Teams:AllowedCallers:0", "b5b0c0de-4444-4f00-9000-00000000c0de")).Should().NotThrow();
}
