using CheckinBot.Testing;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Turns;
using CheckinBot.Core.Workspaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Slack.Tests.Support;

/// <summary>
/// A small host with <c>AddSlack</c>/<c>MapSlack</c>, in-memory ports and a recording drain, on Kestrel at 127.0.0.1:0,
/// its Web API pointed at a <see cref="FakeSlack"/>.
/// </summary>
public sealed class SlackTestApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private SlackTestApp(WebApplication app)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public InMemoryInstallations Installations => app.Services.GetRequiredService<InMemoryInstallations>();

    public InMemoryCollaborations Collaborations => app.Services.GetRequiredService<InMemoryCollaborations>();

    public RecordingDrain? Drain => app.Services.GetService<RecordingDrain>();

    public TurnInbox Inbox => app.Services.GetRequiredService<TurnInbox>();

    public static async Task<SlackTestApp> StartAsync(
        FakeSlack slack,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        bool recordTurns = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var configuration = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackSigner.Secret,
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:ChannelPostInterval"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSingleton<InMemoryInstallations>();
        builder.Services.AddSingleton<IInstallationStore>(p => p.GetRequiredService<InMemoryInstallations>());
        builder.Services.AddSingleton<InMemoryCollaborations>();
        builder.Services.AddSingleton<ICollaborationStore>(p => p.GetRequiredService<InMemoryCollaborations>());
        builder.Services.AddSingleton<IConversationReferenceStore, InMemoryConversationReferences>();
        builder.Services.AddSingleton<IEventLedger, InMemoryEventLedger>();
        builder.Services.AddSingleton(new TurnInbox());
        builder.Services.AddSingleton<IOAuthStateStore, InMemoryOAuthStates>();
        builder.Services.AddSlack(builder.Configuration);

        // The core's pipeline with two handlers: help as the core answers it, and a status that may be slow.
        builder.Services.AddSingleton<ChatGateways>();
        builder.Services.AddScoped<ICommandHandler, UsageHandler>();
        builder.Services.AddScoped<ICommandHandler, SlowStatusHandler>();
        builder.Services.AddScoped<IMessageHandler, NoMessageAnswers>();
        builder.Services.AddScoped<Introductions>();
        builder.Services.AddScoped(p => CommandTable.Of(p.GetServices<ICommandHandler>()));
        builder.Services.AddScoped<TurnRouter>();
        builder.Services.AddScoped<TurnDispatcher>();
        builder.Services.AddScoped<TurnRunner>();
        if (recordTurns)
        {
            builder.Services.AddSingleton<RecordingDrain>();
            builder.Services.AddHostedService(p => p.GetRequiredService<RecordingDrain>());
        }

        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSlack();
        await app.StartAsync();
        return new SlackTestApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
