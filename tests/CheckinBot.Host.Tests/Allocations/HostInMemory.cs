using System.Globalization;
using System.Text;
using CheckinBot.Host.Tests.Telemetry;
using CheckinBot.Testing;
using CheckinBot.Slack.Receiving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CheckinBot.Host.Tests.Allocations;

/// <summary>
/// The real host composition (SQLite in a scratch folder, logging and metrics as configured, every middleware) served by
/// ASP.NET Core's in-memory test server instead of Kestrel, so that a request's bytes are counted without a socket or an
/// HTTP client's. Slack's Web API is a fake Slack; the Bot Connector answers in memory.
/// </summary>
public sealed class HostInMemory : IAsyncDisposable
{
    public const string ServiceUrl = "https://connector.example/";
    private readonly ScratchFolder folder;
    private readonly WebApplication app;

    private HostInMemory(ScratchFolder folder, FakeSlack slack, WebApplication app, AnsweringConnector connector)
    {
        this.folder = folder;
        this.app = app;
        Slack = slack;
        Connector = connector;
        Server = (TestServer)app.Services.GetRequiredService<IServer>();
    }

    public FakeSlack Slack { get; }
    public AnsweringConnector Connector { get; }
    public TestServer Server { get; }

    public static async Task<HostInMemory> StartAsync(int people)
    {
        var folder = new ScratchFolder("allocations");
        var slack = await FakeSlack.StartAsync(new FakeSlackOptions { BotToken = CheckinBot.Host.Tests.Slack.EndToEndSlack.BotToken });
        for (var i = 0; i < people; i++)
        {
            slack.AddUser(Person(i), "Person " + i.ToString(CultureInfo.InvariantCulture), "Europe/Brussels", "en-US");
        }

        var connector = new AnsweringConnector();
        var app = BotApp.Build(
            [
                "--environment=Development",
                $"--DataFolder={folder}",
                "--Scheduling:Enabled=false",
                // A budget no busy machine exceeds: every answer goes inside its acknowledgement, as on a quiet one.
                "--Slack:AckBudget=00:00:30",
                $"--Teams:AllowedServiceUrls:0={ServiceUrl}",
                .. SignedSlack.Settings(slack.ApiBaseUrl),
            ],
            services =>
            {
                services.RemoveAll<IServer>();
                services.AddSingleton<IServer, TestServer>();
                services.AddHttpClient("CheckinBot.Teams.Connector").ConfigurePrimaryHttpMessageHandler(() => connector);
            });
        await app.StartAsync();
        return new HostInMemory(folder, slack, app, connector);
    }

    public static string Person(int index) => "UBENCH" + index.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>A signed <c>/checkin</c> command from person <paramref name="index"/> in a channel of their own, as the peers bench sends it.</summary>
    public async Task<HttpContext> CommandAsync(int index, string text, int trigger)
    {
        var person = Person(index);
        var body = Encoding.UTF8.GetBytes(
            $"token=legacy&team_id={SignedSlack.Team}&team_domain=bench&channel_id=C{person}&channel_name=bench&user_id={person}" +
            $"&user_name=someone&command=%2Fcheckin&text={text}&api_app_id=A0BENCH&is_enterprise_install=false" +
            $"&response_url={Uri.EscapeDataString(Slack.ResponseUrl)}&trigger_id=1111.2222.{trigger.ToString(CultureInfo.InvariantCulture)}");
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SlackSignature.Compute(SignedSlack.Secret, timestamp, body);
        return await PostAsync("/slack/commands", "application/x-www-form-urlencoded", body, headers =>
        {
            headers["X-Slack-Request-Timestamp"] = timestamp;
            headers["X-Slack-Signature"] = signature;
        });
    }

    /// <summary>A personal-chat message activity from person <paramref name="index"/> in a tenant of their own, as the peers bench sends it.</summary>
    public async Task<HttpContext> MessageAsync(int index, string text, int id)
    {
        var tenant = "00000000-0000-4000-8000-" + index.ToString("D12", CultureInfo.InvariantCulture);
        var person = "29:bench-" + index.ToString(CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(
            $$"""
            {"type":"message","id":"m{{id}}","timestamp":"2026-12-01T10:00:00.000Z","channelId":"msteams","serviceUrl":"{{ServiceUrl}}",
             "from":{"id":"{{person}}","name":"Person {{index}}","aadObjectId":"{{tenant}}"},
             "conversation":{"id":"a:{{person}}","conversationType":"personal","tenantId":"{{tenant}}"},
             "recipient":{"id":"28:bench-bot","name":"CheckinBot"},"text":"{{text}}","textFormat":"plain","locale":"en-US",
             "entities":[{"type":"clientInfo","locale":"en-US","timezone":"Europe/Brussels"}],
             "channelData":{"tenant":{"id":"{{tenant}}"} } }
            """);
        return await PostAsync("/api/messages", "application/json; charset=utf-8", body, _ => { });
    }

    private Task<HttpContext> PostAsync(string path, string contentType, byte[] body, Action<IHeaderDictionary> headers) =>
        Server.SendAsync(http =>
        {
            var request = http.Request;
            (request.Method, request.Path, request.ContentType) = (HttpMethods.Post, path, contentType);
            (request.ContentLength, request.Body) = (body.Length, new MemoryStream(body));
            headers(request.Headers);
        });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await Slack.DisposeAsync();
        folder.Dispose();
    }

}
