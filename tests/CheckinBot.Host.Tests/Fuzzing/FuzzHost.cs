using CheckinBot.Testing;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using CheckinBot.Core.Turns;
using CheckinBot.Host.Tests.Infrastructure;
using CheckinBot.Host.Tests.Slack;
using CheckinBot.Slack.Receiving;
using CheckinBot.Testing.Teams;
using CsCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Host.Tests.Fuzzing;

/// <summary>
/// The real host on loopback with every inbound surface on: Slack over HTTP (a fake Web API behind it), Teams (a local
/// key server and connector), the playground with time travel. Logs are captured; the scheduler is off so that only
/// requests can change the database.
/// </summary>
public class FuzzHost : IAsyncLifetime, IDisposable
{
    public const string SlackSecret = "fuzz-signing-secret";

    private readonly ScratchFolder dataFolder = new("fuzz");
    private WebApplication app = null!;
    private FakeSlack slack = null!;
    private TokenIssuer issuer = null!;
    private FakeConnector connector = null!;

    /// <summary>Teams without an App ID: the anonymous Development mode, where activities need no token.</summary>
    protected virtual bool AnonymousTeams => false;

    public CapturedLogs Logs { get; } = new();
    public HttpClient Client { get; private set; } = null!;
    public SlackRequests Slack { get; } = new(SlackSecret, () => TimeProvider.System.GetUtcNow());
    public TeamsRequests Teams { get; private set; } = null!;
    public PlaygroundRequests Playground { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        slack = await EndToEndSlack.StartAsync();
        issuer = await TokenIssuer.StartAsync();
        connector = await FakeConnector.StartAsync();
        string[] teams = AnonymousTeams ? [] :
        [
            $"--Teams:AppId={TokenIssuer.AppId}",
            "--Teams:AppPassword=s3cret",
            $"--Teams:OpenIdMetadataUrl={issuer.MetadataUrl}",
            $"--Teams:TokenEndpoint={connector.TokenEndpoint}",
        ];
        app = BotApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Development",
            $"--DataFolder={dataFolder}",
            "--Clock:TimeTravel=true",
            "--Scheduling:Enabled=false",
            $"--Slack:SigningSecret={SlackSecret}",
            "--Slack:BotToken=xoxb-e2e-token",
            $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}",
            .. teams,
            "--Logging:LogLevel:Default=Warning",
        ], services => services.AddSingleton<ILoggerProvider>(Logs));
        await app.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        // A bot message with buttons for the hostile clicks to aim at.
        (await Client.PostAsJsonAsync("/playground/api/messages", new { from = "va", text = "/checkin propose update weekdays 17:00" })).EnsureSuccessStatusCode();
        var transcript = await Client.GetFromJsonAsync<JsonElement>("/playground/api/transcript");
        var proposal = transcript.GetProperty("messages").EnumerateArray().First(m => m.GetProperty("buttons").GetArrayLength() > 0);
        Playground = new PlaygroundRequests(Client.BaseAddress!.GetLeftPart(UriPartial.Authority), proposal.GetProperty("id").GetString()!);

        // Teams mints its tokens on the real clock; one token serves the whole run.
        Teams = new TeamsRequests(connector.ServiceUrl, AnonymousTeams ? null : issuer.Mint(connector.ServiceUrl, TimeProvider.System.GetUtcNow()));
        await SettledAsync();
    }

    /// <summary>Sends <paramref name="count"/> requests drawn from <paramref name="seed"/>; 5xx answers and failures in the log, with the seed and the request.</summary>
    public async Task<FuzzReport> RunAsync(ulong seed, int count, Func<Draw, HostileRequest> next)
    {
        var draw = new Draw(new PCG(1, seed));
        var requests = Enumerable.Range(0, count).Select(_ => next(draw)).ToList();
        var before = await DatabaseChecksum.OfAsync(dataFolder.Path);
        var logged = Logs.Entries.Count;
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var started = TimeProvider.System.GetTimestamp();

        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, cancellationToken) =>
        {
            using var message = requests[i].ToMessage();
            using var response = await Client.SendAsync(message, cancellationToken);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if ((int)response.StatusCode >= 500)
            {
                failures.Enqueue($"seed {seed}, request #{i} answered {(int)response.StatusCode}:\n{requests[i]}");
            }
        });

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        await SettledAsync();
        var after = await DatabaseChecksum.OfAsync(dataFolder.Path);
        var logFailures = Logs.Entries.Skip(logged).Where(e => e.Level >= LogLevel.Error || e.Exception is not null).Select(e => e.ToString()).ToList();
        return new FuzzReport(seed, count, elapsed, statuses.OrderBy(s => s.Key).ToDictionary(), failures.ToList(), logFailures, before, after);
    }

    /// <summary>Waits until the queues that work after the acknowledgement are empty.</summary>
    private async Task SettledAsync()
    {
        var turns = app.Services.GetRequiredService<TurnInbox>();
        for (var i = 0; i < 100 && turns.Count > 0; i++)
        {
            await Task.Delay(50);
        }

        await Task.Delay(200);
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await slack.DisposeAsync();
        await issuer.DisposeAsync();
        await connector.DisposeAsync();
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            dataFolder.Dispose();
        }
    }
}
