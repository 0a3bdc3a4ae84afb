using System.Net;
using CheckinBot.Teams.Authentication;
using CheckinBot.Teams.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CheckinBot.Teams.Tests;

/// <summary>
/// The Bot Connector sends one token with every activity for about an hour: its signature is verified once, its
/// lifetime at every use.
/// </summary>
[Collection(nameof(AMessageAllocatesWithinItsBudgetTests))]
public sealed class ATokenSeenBeforeIsNotVerifiedAgainTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TeamsTestHost host = null!;

    public async Task InitializeAsync() => host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ATokenAcceptedBeforeCostsNoSecondVerification()
    {
        var authenticator = host.Services.GetRequiredService<BotAuthenticator>();
        var token = "Bearer " + host.Issuer.Mint(host.Connector.ServiceUrl, host.Clock.GetUtcNow());
        (await authenticator.AuthenticateAsync(token, CancellationToken.None)).Accepted.Should().BeTrue();

        var accepted = 0;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < 100; i++)
        {
            accepted += (await authenticator.AuthenticateAsync(token, CancellationToken.None)).Accepted ? 1 : 0;
        }

        var perRequest = (GC.GetTotalAllocatedBytes(precise: true) - before) / 100;

        output.WriteLine($"a token seen before: {perRequest:N0} bytes a request");
        accepted.Should().Be(100);
        // Verifying it again took 7.7 KB a request (parsing the token, validation parameters, the RSA check).
        perRequest.Should().BeLessThan(1024, "a token seen before allocated {0:N0} bytes", perRequest);
    }

    [Fact]
    public async Task ATokenAcceptedBeforeIsRefusedOnceItExpired()
    {
        var token = host.Issuer.Mint(host.Connector.ServiceUrl, host.Clock.GetUtcNow());
        var activity = Fixtures.Load("personal-message", host.Connector.ServiceUrl, v => v["text"] = "help");
        (await host.PostAsync(activity, token)).StatusCode.Should().Be(HttpStatusCode.OK);

        host.Clock.Advance(TimeSpan.FromHours(3));

        (await host.PostAsync(activity, token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
