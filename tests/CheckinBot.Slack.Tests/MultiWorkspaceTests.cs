using System.Net;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Slack.Installing;
using CheckinBot.Slack.Tests.Support;
using CheckinBot.Slack.WebApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Slack.Tests;

public sealed class MultiWorkspaceTests : IAsyncLifetime
{
    private FakeSlack slack = null!;
    private SlackTestApp app = null!;
    private HttpClient Browser { get; set; } = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        app = await SlackTestApp.StartAsync(slack, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = null,
            ["Slack:ClientId"] = "1111.2222",
            ["Slack:ClientSecret"] = "client-secret",
            ["Slack:AuthorizeUrl"] = "https://slack.example/oauth/v2/authorize",
        }, recordTurns: false);
        Browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Client.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Browser.Dispose();
        await app.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task InstallRedirectsToSlackWithTheScopesAndAState()
    {
        using var response = await Browser.GetAsync("/slack/install");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).Should().Be("https://slack.example/oauth/v2/authorize");
        var query = QueryHelpers.ParseQuery(location.Query);
        query["client_id"].ToString().Should().Be("1111.2222");
        query["scope"].ToString().Split(',').Should().Contain(["commands", "chat:write", "channels:history", "users:read", "im:write"]);
        query["redirect_uri"].ToString().Should().EndWith("/slack/oauth/callback");
        query["state"].ToString().Should().HaveLength(32);
    }

    [Fact]
    public async Task CallbackExchangesTheCodeAndKeepsTheInstallation()
    {
        var install = await StartInstallAsync();

        using var response = await CallbackAsync(install, "good-code");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var exchange = slack.CallsTo("oauth.v2.access").Single();
        exchange["code"].Should().Be("good-code");
        exchange["client_id"].Should().Be("1111.2222");
        exchange["client_secret"].Should().Be("client-secret");
        var installation = app.Installations.All[("slack", "T0OTHER")];
        installation.Should().BeEquivalentTo(new { BotToken = "xoxb-installed-token", BotUserId = "UBOT0002", WorkspaceName = "Other Team" });
    }

    [Fact]
    public async Task AStateIsGoodForOneCallbackOnly()
    {
        var install = await StartInstallAsync();
        using var first = await CallbackAsync(install, "good-code");

        using var second = await CallbackAsync(install, "good-code");

        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        slack.CallsTo("oauth.v2.access").Should().ContainSingle();
    }

    [Fact]
    public async Task AStateTheServerDidNotMakeIsRefused()
    {
        using var response = await Browser.GetAsync("/slack/oauth/callback?code=good-code&state=made-up");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        slack.Calls.Should().BeEmpty();
        app.Installations.All.Should().BeEmpty();
    }

    [Fact]
    public async Task ACodeSlackRefusesIs400AndNothingIsKept()
    {
        var install = await StartInstallAsync();

        using var response = await CallbackAsync(install, "bad-code");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("invalid_code");
        app.Installations.All.Should().BeEmpty();
    }

    [Fact]
    public async Task PostsUseTheTokenOfTheirWorkspacesInstallation()
    {
        await app.Installations.SaveAsync(new() { Platform = "slack", WorkspaceId = "T0OTHER", BotToken = "xoxb-other" }, default);
        var gateway = app.Services.GetServices<IChatGateway>().Single();

        await gateway.PostAsync(new OutboundMessage(ChatAddress.Conversation("slack", "T0OTHER", "C0X"), BotMessage.Of(MessageKind.Reply, "hi")), default);
        var notInstalled = () => gateway.PostAsync(new OutboundMessage(ChatAddress.Conversation("slack", "T0NONE", "C0X"), BotMessage.Of(MessageKind.Reply, "hi")), default);

        slack.CallsTo("chat.postMessage").Single().Token.Should().Be("xoxb-other");
        (await notInstalled.Should().ThrowAsync<SlackApiException>()).Which.Error.Should().Be("not_installed");
    }

    [Fact]
    public async Task InstallBindsTheStateToTheBrowserWithACookieOnlyTheCallbackSees()
    {
        using var response = await Browser.GetAsync("/slack/install");

        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        cookie.Should().StartWith(OAuthStates.CookieName + "=").And.Contain("path=/slack/oauth/callback")
            .And.Contain("secure").And.Contain("httponly").And.Contain("samesite=lax");
    }

    [Fact]
    public async Task AStateBroughtByAnotherBrowserIsRefused()
    {
        var installer = await StartInstallAsync();
        var other = await StartInstallAsync();

        using var withoutCookie = await CallbackAsync(installer with { Nonce = "" }, "good-code");
        using var withOtherCookie = await CallbackAsync(installer with { Nonce = other.Nonce }, "good-code");

        withoutCookie.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        withOtherCookie.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        slack.Calls.Should().BeEmpty();
        app.Installations.All.Should().BeEmpty();
    }

    private async Task<Install> StartInstallAsync()
    {
        using var install = await Browser.GetAsync("/slack/install");
        var state = QueryHelpers.ParseQuery(install.Headers.Location!.Query)["state"].ToString();
        var cookie = install.Headers.GetValues("Set-Cookie").Single();
        var nonce = cookie[(OAuthStates.CookieName.Length + 1)..cookie.IndexOf(';', StringComparison.Ordinal)];
        return new Install(state, nonce);
    }

    /// <summary>The browser comes back from Slack with the state and its cookie (sent by hand: the test host is plain http).</summary>
    private async Task<HttpResponseMessage> CallbackAsync(Install install, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/slack/oauth/callback?code={code}&state={install.State}");
        if (install.Nonce.Length > 0)
        {
            request.Headers.Add("Cookie", $"{OAuthStates.CookieName}={install.Nonce}");
        }

        return await Browser.SendAsync(request);
    }

    private sealed record Install(string State, string Nonce);
}
