using System.Net;
using CheckinBot.Teams.Tests.Fakes;

namespace CheckinBot.Teams.Tests;

/// <summary>Without an App ID the bot takes anonymous requests, in Development only, like the Bot Framework Emulator.</summary>
public sealed class AnonymousModeTests
{
    [Fact]
    public async Task InDevelopmentWithoutAppIdRequestsNeedNoTokenAndRepliesCarryNone()
    {
        await using var host = await TeamsTestHost.StartAsync(anonymous: true, environment: "Development");

        var response = await host.PostFixtureAsync("personal-message", v => v["text"] = "help", token: "");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var sends = await host.Connector.WaitForSendsAsync(1);
        sends.Should().ContainSingle();
        sends[0].Authorization.Should().BeEmpty();
        host.Connector.TokenRequests.Should().Be(0);
    }

    [Fact]
    public async Task OutsideDevelopmentWithoutAppIdTeamsIsOff()
    {
        await using var host = await TeamsTestHost.StartAsync(anonymous: true, environment: "Production");

        var response = await host.PostFixtureAsync("personal-message", v => v["text"] = "help", token: "");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
