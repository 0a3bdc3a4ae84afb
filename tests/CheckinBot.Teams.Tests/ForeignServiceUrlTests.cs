using System.Net;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Workspaces;
using CheckinBot.Teams.References;
using CheckinBot.Teams.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Teams.Tests;

/// <summary>
/// The bot's token never leaves for a service URL that is not Microsoft's or configured: not through a tenant-issued
/// token of another app, not through a foreign serviceUrl, not through a reference stored earlier.
/// </summary>
public sealed class ForeignServiceUrlTests : IAsyncLifetime
{
    private const string TrustedCaller = "b5b0c0de-4444-4f00-9000-00000000c0de";
    private TeamsTestHost host = null!;
    private FakeConnector foreign = null!;

    public async Task InitializeAsync()
    {
        foreign = await FakeConnector.StartAsync();
        host = await TeamsTestHost.StartAsync(configure: s =>
        {
            s["Teams:TenantId"] = TokenIssuer.TenantId;
            s["Teams:AllowedCallers:0"] = TrustedCaller;
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await foreign.DisposeAsync();
    }

    private string EntraToken(string serviceUrl, string appId, Action<TokenSpec>? change = null) =>
        host.Issuer.Mint(serviceUrl, host.Clock.GetUtcNow(), t =>
        {
            t.Issuer = TokenIssuer.EntraIssuer;
            t.KeyId = "entra";
            t.AppId = appId;
            t.TenantId = TokenIssuer.TenantId;
            t.ServiceUrl = null; // Entra's tokens name no service
            change?.Invoke(t);
        });

    private Task<string?> StoredAsync(string key) => host.WithScopeAsync(services =>
        services.GetRequiredService<IConversationReferenceStore>().FindAsync("teams", TokenIssuer.TenantId, key, CancellationToken.None));

    private async Task NothingWentToTheForeignHostAndNothingWasStoredAsync()
    {
        await Task.Delay(500); // the turn would run on the queue
        foreign.Calls.Should().BeEmpty("the bot's token must not leave for a foreign host");
        foreign.TokenRequests.Should().Be(0);
        (await StoredAsync("tenant")).Should().BeNull("a foreign service URL is never kept as the tenant's");
        (await StoredAsync("a:1personal-" + Fixtures.Maria)).Should().BeNull();
        (await StoredAsync("dm:" + Fixtures.Maria)).Should().BeNull();
    }

    [Fact]
    public async Task ATenantTokenOfAnotherAppWithAForeignServiceUrlSendsNothingAndStoresNothing()
    {
        var activity = Fixtures.Load("personal-message", foreign.ServiceUrl, v => v["text"] = "help");

        var response = await host.PostAsync(activity, EntraToken(foreign.ServiceUrl, "a0a0a0a0-ffff-4bad-8bad-000000000bad"));

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        await NothingWentToTheForeignHostAndNothingWasStoredAsync();
    }

    [Fact]
    public async Task ATenantTokenOfAnAllowedCallerWithAForeignServiceUrlSendsNothingAndStoresNothing()
    {
        var activity = Fixtures.Load("personal-message", foreign.ServiceUrl, v => v["text"] = "help");

        var response = await host.PostAsync(activity, EntraToken(foreign.ServiceUrl, TrustedCaller));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("serviceUrl");
        await NothingWentToTheForeignHostAndNothingWasStoredAsync();
    }

    [Fact]
    public async Task ATenantTokenOfAnAllowedCallerWithTheConnectorsServiceUrlIsAnswered()
    {
        var activity = Fixtures.Load("personal-message", host.Connector.ServiceUrl, v => v["text"] = "help");

        var response = await host.PostAsync(activity, EntraToken(host.Connector.ServiceUrl, TrustedCaller));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Connector.WaitForSendsAsync(1)).Should().ContainSingle();
    }

    [Fact]
    public async Task ATenantTokenOfAnAppNotInAllowedCallersIsRefusedWithTheReason()
    {
        var activity = Fixtures.Load("personal-message", host.Connector.ServiceUrl, v => v["text"] = "help");

        var response = await host.PostAsync(activity, EntraToken(host.Connector.ServiceUrl, "a0a0a0a0-ffff-4bad-8bad-000000000bad"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Teams:AllowedCallers");
        await Task.Delay(300);
        host.Connector.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task ATenantTokenWhoseCallerIsNamedInAzpIsCheckedTheSameWay()
    {
        var activity = Fixtures.Load("personal-message", host.Connector.ServiceUrl, v => v["text"] = "help");

        var allowed = await host.PostAsync(activity, EntraToken(host.Connector.ServiceUrl, TrustedCaller, t => t.CallerClaim = "azp"));
        var other = await host.PostAsync(activity, EntraToken(host.Connector.ServiceUrl, "a0a0a0a0-ffff-4bad-8bad-000000000bad", t => t.CallerClaim = "azp"));

        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        other.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ABotFrameworkTokenForAForeignServiceUrlIsRefusedAndNothingIsStored()
    {
        // Even Microsoft's own signature does not make an unknown host one the bot's token may travel to.
        var activity = Fixtures.Load("personal-message", foreign.ServiceUrl, v => v["text"] = "help");

        var response = await host.PostAsync(activity, host.Issuer.Mint(foreign.ServiceUrl, host.Clock.GetUtcNow()));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await NothingWentToTheForeignHostAndNothingWasStoredAsync();
    }

    [Fact]
    public async Task AForeignServiceUrlStoredEarlierIsRefusedBeforeTheRequestIsBuilt()
    {
        (await host.PostFixtureAsync("channel-setup-with-client-mention")).StatusCode.Should().Be(HttpStatusCode.OK);
        await host.Connector.WaitForSendsAsync(1);

        // A reference written by an older version, pointing elsewhere.
        var stored = (await StoredAsync("tenant"))!.Replace(host.Connector.ServiceUrl, foreign.ServiceUrl, StringComparison.Ordinal);
        await host.WithScopeAsync(async services =>
        {
            await services.GetRequiredService<IConversationReferenceStore>().SaveAsync("teams", TokenIssuer.TenantId, "tenant", stored, CancellationToken.None);
            return true;
        });

        // Long enough ago that this node no longer trusts its memory of what it wrote, and reads the store.
        host.Clock.Advance(SavedReferences.Freshness);
        var report = await host.WithScopeAsync(services =>
        {
            var gateway = services.GetRequiredService<IChatGateway>();
            var message = new OutboundMessage(
                ChatAddress.Conversation("teams", TokenIssuer.TenantId, Fixtures.Channel),
                BotMessage.Of(MessageKind.Reply, "hello"));
            return Record.ExceptionAsync(() => gateway.PostAsync(message, CancellationToken.None));
        });

        report.Should().NotBeNull("the post is refused");
        foreign.Calls.Should().BeEmpty();
    }
}
