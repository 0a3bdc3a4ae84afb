using CheckinBot.Testing;
using CheckinBot.Host.Tests.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>The real host on loopback with Slack over HTTP, its Web API a fake Slack, and services of the test's own.</summary>
public sealed class SlackBot : IAsyncDisposable
{
    private readonly ScratchFolder dataFolder;
    private readonly WebApplication host;

    private SlackBot(ScratchFolder dataFolder, FakeSlack slack, WebApplication host)
    {
        this.dataFolder = dataFolder;
        this.host = host;
        Slack = slack;
        Client = new HttpClient { BaseAddress = new Uri(host.Urls.First()) };
    }

    public FakeSlack Slack { get; }
    public HttpClient Client { get; }

    public static async Task<SlackBot> StartAsync(Action<IServiceCollection>? services = null)
    {
        var dataFolder = new ScratchFolder("otel");
        var slack = await EndToEndSlack.StartAsync();
        var host = BotApp.Build(
            [
                "--urls=http://127.0.0.1:0",
                $"--DataFolder={dataFolder}",
                "--Scheduling:Enabled=false",
                "--Logging:LogLevel:Default=Warning",
                .. SignedSlack.Settings(slack.ApiBaseUrl),
            ],
            services);
        await host.StartAsync();
        return new SlackBot(dataFolder, slack, host);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await host.StopAsync();
        await host.DisposeAsync();
        await Slack.DisposeAsync();
        dataFolder.Dispose();
    }
}
