using System.Net;
using System.Text.Json.Nodes;
using CheckinBot.Teams.Tests.Fakes;

namespace CheckinBot.Teams.Tests;

/// <summary>
/// With a valid token, the activity itself must still be Teams' and the bot's: channel <c>msteams</c>, the configured
/// tenant named the same way in both places, a service URL the bot may send its token to.
/// </summary>
public sealed class ActivityAuthorizationTests : IAsyncLifetime
{
    private TeamsTestHost host = null!;

    public async Task InitializeAsync() => host = await TeamsTestHost.StartAsync(configure: s => s["Teams:TenantId"] = TokenIssuer.TenantId);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static string Changed(string json, Action<JsonObject> change)
    {
        var activity = JsonNode.Parse(json)!.AsObject();
        change(activity);
        return activity.ToJsonString();
    }

    public static TheoryData<string> WrongActivities => new()
    {
        "channelId webchat",
        "channelId directline",
        "channelId emulator",
        "no channelId",
        "another tenant in channelData and conversation",
        "another tenant in channelData only",
        "two tenants",
        "no tenant",
        "no serviceUrl",
    };

    [Theory]
    [MemberData(nameof(WrongActivities))]
    public async Task AnActivityWithOneThingWrongIsRefusedWithItsReasonAndNothingIsDone(string wrong)
    {
        const string other = "00000000-2222-4b2a-8c3d-0f1e2d3c4b5a";
        var json = Changed(Fixtures.Load("personal-message", host.Connector.ServiceUrl, v => v["text"] = "forget"), a =>
        {
            switch (wrong)
            {
                case "channelId webchat": a["channelId"] = "webchat"; break;
                case "channelId directline": a["channelId"] = "directline"; break;
                case "channelId emulator": a["channelId"] = "emulator"; break;
                case "no channelId": a.Remove("channelId"); break;
                case "another tenant in channelData and conversation":
                    a["channelData"]!["tenant"]!["id"] = other;
                    a["conversation"]!["tenantId"] = other;
                    break;
                case "another tenant in channelData only": a["channelData"]!["tenant"]!["id"] = other; a["conversation"]!.AsObject().Remove("tenantId"); break;
                case "two tenants": a["channelData"]!["tenant"]!["id"] = other; break;
                case "no tenant": a.Remove("channelData"); a["conversation"]!.AsObject().Remove("tenantId"); break;
                case "no serviceUrl": a.Remove("serviceUrl"); break;
            }
        });
        var serviceUrl = wrong == "no serviceUrl" ? null : host.Connector.ServiceUrl;

        var response = await host.PostAsync(json, host.Issuer.Mint(serviceUrl!, host.Clock.GetUtcNow(), t => t.ServiceUrl = serviceUrl));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().ContainAny("channelId", "tenant", "serviceUrl");
        await Task.Delay(300);
        host.Connector.Calls.Should().BeEmpty("a refused activity has no effect");
    }

    [Fact]
    public async Task AServiceUrlOnAnAllowedHostButAnotherPortIsRefused()
    {
        var elsewhere = new UriBuilder(host.Connector.BaseUrl) { Port = new Uri(host.Connector.BaseUrl).Port + 1 }.Uri + "amer/";
        var json = Fixtures.Load("personal-message", elsewhere, v => v["text"] = "help");

        var response = await host.PostAsync(json, host.Issuer.Mint(elsewhere, host.Clock.GetUtcNow()));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheRightTenantInBothPlacesIsAnswered()
    {
        var response = await host.PostFixtureAsync("personal-message", v => v["text"] = "help");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Connector.WaitForSendsAsync(1)).Should().ContainSingle();
    }
}
