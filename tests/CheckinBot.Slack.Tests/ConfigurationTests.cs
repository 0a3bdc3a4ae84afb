using CheckinBot.Core.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Slack.Tests;

public sealed class ConfigurationTests
{
    private static IServiceCollection Add(params (string Key, string Value)[] settings)
    {
        // Later settings win, as a later configuration source would.
        var values = new Dictionary<string, string?>();
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddSlack(configuration);
    }

    [Fact]
    public void WithoutASlackSectionNothingIsAdded() =>
        Add().Should().BeEmpty();

    [Fact]
    public void OneWorkspaceOverHttpAddsTheGateway() =>
        Add(("Slack:SigningSecret", "s"), ("Slack:BotToken", "xoxb-1")).Should().Contain(d => d.ServiceType == typeof(IChatGateway));

    [Theory]
    [InlineData("Slack:SigningSecret", "Slack:BotToken", "xoxb-1")]
    [InlineData("Slack:BotToken", "Slack:SigningSecret", "s")]
    [InlineData("Slack:ClientSecret", "Slack:ClientId", "1.2")]
    public void AMissingKeyIsNamedInOneLine(string missing, string key, string value)
    {
        var settings = new List<(string, string)> { (key, value) };
        if (key == "Slack:ClientId")
        {
            settings.Add(("Slack:SigningSecret", "s"));
        }

        var add = () => Add([.. settings]);

        add.Should().Throw<InvalidOperationException>().Which.Message.Should().StartWith(missing).And.NotContain("\n");
    }

    [Theory]
    [InlineData("Slack:BotToken", "xoxp-user-token")]
    [InlineData("Slack:AppToken", "xoxb-not-an-app-token")]
    [InlineData("Slack:ApiBaseUrl", "slack.com/api")]
    public void AWrongValueIsNamed(string key, string value)
    {
        var add = () => Add(("Slack:SigningSecret", "s"), ("Slack:BotToken", "xoxb-1"), (key, value));

        add.Should().Throw<InvalidOperationException>().Which.Message.Should().StartWith(key);
    }

    [Fact]
    public void SocketModeNeedsNoSigningSecret() =>
        Add(("Slack:AppToken", "xapp-1"), ("Slack:BotToken", "xoxb-1")).Should().Contain(d => d.ServiceType == typeof(IChatGateway));
}
