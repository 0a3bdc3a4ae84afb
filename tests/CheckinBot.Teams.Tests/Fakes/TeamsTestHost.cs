using System.Net.Http.Headers;
using System.Text;
using CheckinBot.Core.Clock;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Drafts;
using CheckinBot.Core.Health;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Pings;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Turns;
using CheckinBot.Testing;
using CheckinBot.Storage;
using CheckinBot.Teams.Sending;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Teams.Tests.Fakes;

/// <summary>
/// A small host on loopback with what the real one wires for Teams: the stores on SQLite in a temporary folder, the
/// core's turn services, a queue drain, and <c>AddTeams</c>/<c>MapTeams</c>, against a local key server and connector.
/// </summary>
public sealed class TeamsTestHost : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 08:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly ScratchFolder folder = new("teams");
    private WebApplication? app;

    private TeamsTestHost(TokenIssuer issuer, FakeConnector connector)
    {
        Issuer = issuer;
        Connector = connector;
    }

    public TokenIssuer Issuer { get; }
    public FakeConnector Connector { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public HttpClient Http { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => app!.Services;

    public static async Task<TeamsTestHost> StartAsync(
        bool anonymous = false, string environment = "Production", Action<Dictionary<string, string?>>? configure = null, Action<IServiceCollection>? services = null)
    {
        var host = new TeamsTestHost(await TokenIssuer.StartAsync(), await FakeConnector.StartAsync());
        var settings = new Dictionary<string, string?>
        {
            ["Teams:OpenIdMetadataUrl"] = host.Issuer.MetadataUrl,
            ["Teams:EntraOpenIdMetadataUrl"] = host.Issuer.EntraMetadataUrl,
            ["Teams:AllowedServiceUrls:0"] = host.Connector.BaseUrl + "/",
            ["Teams:TokenEndpoint"] = host.Connector.TokenEndpoint,
            ["Teams:RetryDelay"] = "00:00:00.050",
        };
        if (!anonymous)
        {
            settings["Teams:AppId"] = TokenIssuer.AppId;
            settings["Teams:AppPassword"] = "s3cret";
        }

        configure?.Invoke(settings);
        var builder = Loopback.Builder(environment);
        builder.Configuration.AddInMemoryCollection(settings);
        var wiring = builder.Services;
        wiring.AddSingleton<TimeProvider>(host.Clock);
        wiring.AddSingleton(new WallClock(host.Clock)); // the tests mint tokens on the same fake clock
        wiring.AddStorage(new StorageOptions(), host.folder.Path);
        wiring.AddCoreUseCases("test");
        wiring.AddHostedService<InboxDrain>();
        wiring.AddTeams(builder.Configuration);
        services?.Invoke(wiring);

        var web = builder.Build();
        await web.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        web.MapTeams();
        (host.app, host.BaseUrl) = await Loopback.StartAsync(web);
        return host;
    }

    public Instant Now => Instant.FromDateTimeOffset(Clock.GetUtcNow());

    /// <summary>Posts an activity with a valid token (or the one given; "" for none).</summary>
    public async Task<HttpResponseMessage> PostAsync(string activityJson, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BaseUrl + "/api/messages")
        {
            Content = new StringContent(activityJson, Encoding.UTF8, "application/json"),
        };
        token ??= Issuer.Mint(Connector.ServiceUrl, Clock.GetUtcNow());
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Posts a fixture activity, with its placeholders filled.</summary>
    public Task<HttpResponseMessage> PostFixtureAsync(string name, Action<Dictionary<string, string>>? values = null, string? token = null) =>
        PostAsync(Fixtures.Load(name, Connector.ServiceUrl, values), token);

    /// <summary>Posts a fixture activity that names another service URL, with a token for that URL.</summary>
    public Task<HttpResponseMessage> PostFixtureViaAsync(string serviceUrl, string name, Action<Dictionary<string, string>>? values = null) =>
        PostAsync(Fixtures.Load(name, serviceUrl, values), Issuer.Mint(serviceUrl, Clock.GetUtcNow()));

    /// <summary>Runs the planner and delivery at the host's clock, as the scheduler would.</summary>
    public async Task<DeliveryReport> DeliverAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OccurrencePlanner>().PlanAsync(Now, CancellationToken.None);
        return await scope.ServiceProvider.GetRequiredService<OccurrenceDelivery>().DeliverDueAsync(Now, CancellationToken.None);
    }

    /// <summary>Runs a piece of code with a service scope of the host.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        await Issuer.DisposeAsync();
        await Connector.DisposeAsync();
        folder.Dispose();
    }

    /// <summary>Drains the turn queue the way the host's workers do, several turns at a time.</summary>
    private sealed class InboxDrain(TurnInbox inbox, IServiceScopeFactory scopes) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
            Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ReadAsync(stoppingToken), stoppingToken)));

        private async Task ReadAsync(CancellationToken stoppingToken)
        {
            await foreach (var pending in inbox.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<TurnRunner>().RunAsync(pending, stoppingToken);
                }
                catch (Exception e) when (e is TeamsCallException or InvalidOperationException or HttpRequestException)
                {
                    // Recorded in the pending turn; the test reads what the connector received.
                }
            }
        }
    }
}
