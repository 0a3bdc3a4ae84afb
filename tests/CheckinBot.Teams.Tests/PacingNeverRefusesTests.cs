using System.Net;
using CheckinBot.Core.Turns;
using CheckinBot.Teams.Sending;
using CheckinBot.Teams.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Teams.Tests;

public sealed class PacingNeverRefusesTests : IAsyncLifetime
{
    private TeamsTestHost host = null!;

    public async Task InitializeAsync() =>
        host = await TeamsTestHost.StartAsync(services: s =>
        {
            // A tiny send limit and a tiny queue: the answers must wait their turn, and the requests wait for room.
            s.AddSingleton(new SendPacer(perConversationPerSecond: 20, perTenantPerSecond: 10));
            s.AddSingleton(new TurnInbox(capacity: 4));
        });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task FiftyMessagesToOneTenantAreAllAcceptedAndAllAnswered()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => host.PostFixtureAsync("personal-message", v =>
        {
            v["text"] = "help";
            v["id"] = i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            v["from"] = $"29:person-{i}";
        })));

        responses.Select(r => r.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.OK, "Teams does not send a refused message again");
        var sends = await host.Connector.WaitForSendsAsync(50, TimeSpan.FromSeconds(30));
        sends.Should().HaveCount(50);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
