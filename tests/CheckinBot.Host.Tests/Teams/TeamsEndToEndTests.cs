using CheckinBot.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CheckinBot.Host;
using CheckinBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CheckinBot.Host.Tests.Teams;

/// <summary>
/// The real host on loopback, with Teams pointed at a local key server and connector: two Teams users agree a rhythm in a
/// channel, the bot's clock is moved with the playground API, the VA's reminder goes to her personal conversation and
/// the update to the channel at the agreed time.
/// </summary>
public sealed class TeamsEndToEndTests : IAsyncLifetime, IDisposable
{
    private const string ChannelActivities = "/v3/conversations/" + Fixtures.Channel + "/activities";
    private readonly ScratchFolder dataFolder = new("host-teams");
    private readonly HttpClient http = new();
    private TokenIssuer issuer = null!;
    private FakeConnector connector = null!;
    private WebApplication app = null!;
    private string baseUrl = "";

    public async Task InitializeAsync()
    {
        issuer = await TokenIssuer.StartAsync();
        connector = await FakeConnector.StartAsync();
        app = BotApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Development",
            $"--DataFolder={dataFolder}",
            "--Clock:TimeTravel=true",
            $"--Teams:AppId={TokenIssuer.AppId}",
            "--Teams:AppPassword=s3cret",
            $"--Teams:OpenIdMetadataUrl={issuer.MetadataUrl}",
            $"--Teams:TokenEndpoint={connector.TokenEndpoint}",
            "--Teams:RetryDelay=00:00:00.050",
            $"--Teams:AllowedServiceUrls:0={connector.BaseUrl}/",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await issuer.DisposeAsync();
        await connector.DisposeAsync();
        dataFolder.Dispose();
    }

    public void Dispose() => http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(string fixture, Action<Dictionary<string, string>> values, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/api/messages")
        {
            Content = new StringContent(Fixtures.Load(fixture, connector.ServiceUrl, values), Encoding.UTF8, "application/json"),
        };
        // Teams mints its tokens on the real clock, whatever the bot's own clock says.
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? issuer.Mint(connector.ServiceUrl, TimeProvider.System.GetUtcNow()));
        return await http.SendAsync(request);
    }

    private async Task SayAsync(string text, string from, string name, int expectedSends)
    {
        var response = await SendAsync("channel-mention-command", v => { v["text"] = text; v["from"] = from; v["fromName"] = name; });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await connector.WaitForSendsAsync(expectedSends)).Should().HaveCountGreaterThanOrEqualTo(expectedSends);
    }

    [Fact]
    public async Task TwoTeamsUsersAgreeARhythmAndTheUpdateIsPostedAtTheAgreedTime()
    {
        (await SendAsync("channel-setup-with-client-mention", _ => { })).StatusCode.Should().Be(HttpStatusCode.OK);
        await connector.WaitForSendsAsync(1);
        await SayAsync("checkin propose update weekdays 17:00", Fixtures.Maria, "Maria Santos", 2);
        await SayAsync("checkin accept", Fixtures.Tom, "Tom Peeters", 3);
        connector.Sends.Should().OnlyContain(s => s.Path == ChannelActivities);
        var agreed = connector.Sends.Count;

        // Move the bot's clock to one minute past the next weekday 17:00 in Brussels.
        var time = app.Services.GetRequiredService<TimeProvider>();
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var due = NextWeekday1700(now, DateTimeZoneProviders.Tzdb["Europe/Brussels"]);
        var advance = NodaTime.Text.PeriodPattern.NormalizingIso.Format(Period.FromSeconds((long)(due - now).TotalSeconds + 60));
        var clock = await http.PostAsync(baseUrl + "/playground/api/clock", new StringContent($$"""{"advance":"{{advance}}"}""", Encoding.UTF8, "application/json"));
        clock.StatusCode.Should().Be(HttpStatusCode.OK);

        var after = (await connector.WaitForSendsAsync(agreed + 2)).Skip(agreed).ToList();
        after.Should().HaveCount(2);
        after[0].Path.Should().Be($"/v3/conversations/a:personal-{Fixtures.Maria}/activities", "the reminder goes to the VA's personal conversation");
        after[1].Path.Should().Be(ChannelActivities, "the update goes to the channel where the rhythm was agreed");
        after[1].Body!["channelData"]!["checkinbot"]!["occurrenceKey"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        after[1].Authorization.Should().StartWith("Bearer token-");

        // Days later on the bot's clock, a token Teams has just minted is still good.
        await SayAsync("checkin next", Fixtures.Tom, "Tom Peeters", agreed + 3);
    }

    [Fact]
    public async Task ATokenFromAnUnknownIssuerChangesNothing()
    {
        var token = issuer.Mint(connector.ServiceUrl, app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), t => t.Issuer = "https://sts.example.org/");

        var response = await SendAsync("channel-setup-with-client-mention", _ => { }, token);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await Task.Delay(300);
        connector.Calls.Should().BeEmpty();
    }

    private static Instant NextWeekday1700(Instant now, DateTimeZone zone)
    {
        var local = now.InZone(zone).LocalDateTime;
        var date = local.TimeOfDay < new LocalTime(17, 0) ? local.Date : local.Date.PlusDays(1);
        while (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            date = date.PlusDays(1);
        }

        return date.At(new LocalTime(17, 0)).InZoneLeniently(zone).ToInstant();
    }
}
