using System.Net;
using CheckinBot.Teams.Tests.Fakes;
using Microsoft.IdentityModel.Tokens;

namespace CheckinBot.Teams.Tests;

/// <summary>Every check of PROTOCOLS.md on the bearer token of /api/messages, each broken in turn.</summary>
public sealed class TokenValidationTests : IAsyncLifetime
{
    private TeamsTestHost host = null!;

    private const string TrustedCaller = "b5b0c0de-4444-4f00-9000-00000000c0de";

    public async Task InitializeAsync() => host = await TeamsTestHost.StartAsync(configure: s =>
    {
        s["Teams:TenantId"] = TokenIssuer.TenantId;
        s["Teams:AllowedCallers:0"] = TrustedCaller;
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private string Activity() => Fixtures.Load("channel-mention-command", host.Connector.ServiceUrl, v => v["text"] = "help");

    private string Mint(Action<TokenSpec>? change = null) => host.Issuer.Mint(host.Connector.ServiceUrl, host.Clock.GetUtcNow(), change);

    [Fact]
    public async Task ATokenWithEveryClaimRightIsAccepted()
    {
        var response = await host.PostAsync(Activity(), Mint());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TokensOfTheBotsOwnEntraTenantAreAccepted()
    {
        var v2 = await host.PostAsync(Activity(), Mint(t => Entra(t, TokenIssuer.EntraIssuer)));
        var v1 = await host.PostAsync(Activity(), Mint(t => Entra(t, $"https://sts.windows.net/{TokenIssuer.TenantId}/")));

        v2.StatusCode.Should().Be(HttpStatusCode.OK);
        v1.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>A token of the tenant's own Entra, asked for by an app listed in Teams:AllowedCallers.</summary>
    private static void Entra(TokenSpec t, string issuer)
    {
        t.Issuer = issuer;
        t.KeyId = "entra";
        t.AppId = TrustedCaller;
        t.TenantId = TokenIssuer.TenantId;
    }

    public static TheoryData<string, HttpStatusCode> WrongTokens => new()
    {
        { "exp out of range", HttpStatusCode.Unauthorized },
        { "exp far past", HttpStatusCode.Unauthorized },
        { "entra issuer, connector key", HttpStatusCode.Unauthorized },
        { "connector issuer, entra key", HttpStatusCode.Unauthorized },
        { "entra caller not allowed", HttpStatusCode.Forbidden },
        { "entra token of another tid", HttpStatusCode.Forbidden },
        { "entra serviceurl", HttpStatusCode.Forbidden },
        { "issuer", HttpStatusCode.Unauthorized },
        { "other tenant", HttpStatusCode.Unauthorized },
        { "audience", HttpStatusCode.Unauthorized },
        { "expired", HttpStatusCode.Unauthorized },
        { "not yet valid", HttpStatusCode.Unauthorized },
        { "signature", HttpStatusCode.Unauthorized },
        { "unknown key", HttpStatusCode.Unauthorized },
        { "algorithm HS256", HttpStatusCode.Unauthorized },
        { "algorithm none", HttpStatusCode.Unauthorized },
        { "algorithm RS384", HttpStatusCode.Unauthorized },
        { "serviceurl", HttpStatusCode.Forbidden },
        { "no serviceurl", HttpStatusCode.Forbidden },
        { "endorsement", HttpStatusCode.Forbidden },
        { "no endorsements", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public async Task ATokenWithOneThingWrongIsRefusedAndNothingIsDone(string wrong, HttpStatusCode expected)
    {
        var now = host.Clock.GetUtcNow();
        var token = Mint(t =>
        {
            switch (wrong)
            {
                case "exp out of range": t.RawExpires = 99_999_999_999_999; break;
                case "exp far past": t.RawExpires = -99_999_999_999_999; break;
                case "entra issuer, connector key": Entra(t, TokenIssuer.EntraIssuer); t.KeyId = "teams"; break;
                case "connector issuer, entra key": t.KeyId = "entra"; break;
                case "entra caller not allowed": Entra(t, TokenIssuer.EntraIssuer); t.AppId = "a0a0a0a0-ffff-4bad-8bad-000000000bad"; break;
                case "entra token of another tid": Entra(t, TokenIssuer.EntraIssuer); t.TenantId = "00000000-2222-4b2a-8c3d-0f1e2d3c4b5a"; break;
                case "entra serviceurl": Entra(t, TokenIssuer.EntraIssuer); t.ServiceUrl = "https://smba.example.net/amer/"; break;
                case "issuer": t.Issuer = "https://sts.example.org/"; break;
                case "other tenant": t.Issuer = "https://login.microsoftonline.com/00000000-2222-4b2a-8c3d-0f1e2d3c4b5a/v2.0"; break;
                case "audience": t.Audience = "some-other-bot"; break;
                case "expired": t.NotBefore = now.AddHours(-2); t.Expires = now.AddMinutes(-6); break;
                case "not yet valid": t.NotBefore = now.AddMinutes(6); t.Expires = now.AddHours(1); break;
                case "signature": t.SignWith = "bare"; break;
                case "unknown key": t.KeyId = "hidden"; break;
                case "algorithm HS256": t.Algorithm = SecurityAlgorithms.HmacSha256; break;
                case "algorithm none": t.Algorithm = "none"; break;
                case "algorithm RS384": t.Algorithm = SecurityAlgorithms.RsaSha384; break;
                case "serviceurl": t.ServiceUrl = "https://smba.example.net/amer/"; break;
                case "no serviceurl": t.ServiceUrl = null; break;
                case "endorsement": t.KeyId = "webchat"; break;
                case "no endorsements": t.KeyId = "bare"; break;
            }
        });

        var response = await host.PostAsync(Activity(), token);

        response.StatusCode.Should().Be(expected);
        (await response.Content.ReadAsStringAsync()).Should().NotContain(token);
        host.Connector.Calls.Should().BeEmpty("a refused request has no effect");
    }

    [Fact]
    public async Task TokensWithinFiveMinutesOfSkewAreAccepted()
    {
        var now = host.Clock.GetUtcNow();

        var justExpired = await host.PostAsync(Activity(), Mint(t => { t.NotBefore = now.AddHours(-1); t.Expires = now.AddMinutes(-4); }));
        var almostValid = await host.PostAsync(Activity(), Mint(t => { t.NotBefore = now.AddMinutes(4); t.Expires = now.AddHours(1); }));

        justExpired.StatusCode.Should().Be(HttpStatusCode.OK);
        almostValid.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LifetimeIsReadOnTheBotsClock()
    {
        var token = Mint();
        host.Clock.Advance(TimeSpan.FromHours(2));

        var response = await host.PostAsync(Activity(), token);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ARequestWithoutTokenIsRefused()
    {
        var response = await host.PostAsync(Activity(), token: "");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Contain("Bearer");
    }

    [Fact]
    public async Task AGarbledTokenIsRefused()
    {
        var response = await host.PostAsync(Activity(), "not.a.jwt");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheKeysAreFetchedOnceAndKept()
    {
        for (var i = 0; i < 3; i++)
        {
            (await host.PostAsync(Activity(), Mint())).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await host.PostAsync(Activity(), Mint(t => t.KeyId = "hidden"));

        host.Issuer.MetadataRequests.Should().Be(1, "an unknown key refetches at most every five minutes");
    }

    [Fact]
    public async Task AnUnknownKeyRefetchesTheKeysAfterFiveMinutes()
    {
        await host.PostAsync(Activity(), Mint());
        host.Clock.Advance(TimeSpan.FromMinutes(6));

        await host.PostAsync(Activity(), Mint(t => t.KeyId = "hidden"));

        host.Issuer.MetadataRequests.Should().Be(2);
    }

    [Fact]
    public async Task ABodyThatIsNoActivityIsABadRequestOnceTheTokenPassed()
    {
        var response = await host.PostAsync("{ not json", Mint());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
