using CheckinBot.Core.Occurrences;
using CheckinBot.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Host.Tests.Cluster;

/// <summary>
/// A node in this process, on the cluster's PostgreSQL, whose clock is a <see cref="FakeTimeProvider"/>: for what needs
/// hours to pass or a day with a repeated hour. The planning job (Quartz, on real time) and the delivery loop are off here
/// (<c>Scheduling:Enabled</c>), and the test runs planning and delivery itself, at the node's own now, every minute.
/// </summary>
public sealed class InProcessNode : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakeTimeProvider time;

    private InProcessNode(WebApplication app, FakeTimeProvider time)
    {
        this.app = app;
        this.time = time;
    }

    public static async Task<InProcessNode> StartAsync(string connectionString, string slackBaseUrl, Instant now, params string[] settings)
    {
        var time = new FakeTimeProvider(now.ToDateTimeOffset());
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Staging",
            "--Storage:Provider=Postgres",
            $"--Storage:ConnectionString={connectionString}",
            "--Scheduling:Enabled=false",
            "--Playground:Enabled=false",
            "--Slack:SigningSecret=cluster-signing-secret",
            $"--Slack:BotToken={ClusterFixture.BotToken}",
            $"--Slack:ApiBaseUrl={slackBaseUrl}",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        var app = BotApp.Build(args, services =>
        {
            services.RemoveAll<TravellingClock>();
            services.AddSingleton(new TravellingClock(time));
        });
        await app.StartAsync();
        return new InProcessNode(app, time);
    }

    /// <summary>Moves this node's clock to <paramref name="now"/> and runs one cycle there: plan, then deliver.</summary>
    public async Task<DeliveryReport> TickAsync(Instant now)
    {
        time.SetUtcNow(now.ToDateTimeOffset());
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<DeliveryCycle>().RunAsync(now, CancellationToken.None)).Delivered;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
