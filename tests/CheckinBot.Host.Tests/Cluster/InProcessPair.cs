using NodaTime;

namespace CheckinBot.Host.Tests.Cluster;

/// <summary>
/// Two in-process nodes on one PostgreSQL database, both running the every-minute cycle at the same moments; stopped
/// together (the whole system down) and started again as new instances (a restart).
/// </summary>
public sealed class InProcessPair(ClusterDatabase database, FakeSlack slack, string name, params string[] settings) : IAsyncDisposable
{
    private InProcessNode[] nodes = [];
    private int generation;

    public bool Running => nodes.Length > 0;

    public async Task StartAsync(Instant now)
    {
        generation++;
        nodes =
        [
            await InProcessNode.StartAsync(database.DirectConnectionString, slack.ApiBaseUrlFor($"{name}-a{generation}"), now, settings),
            await InProcessNode.StartAsync(database.DirectConnectionString, slack.ApiBaseUrlFor($"{name}-b{generation}"), now, settings),
        ];
    }

    public async Task StopAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        nodes = [];
    }

    /// <summary>Every minute from <paramref name="from"/> up to and including <paramref name="to"/>, both nodes at once.</summary>
    public async Task RunMinutesAsync(Instant from, Instant to)
    {
        for (var now = from; now <= to; now += Duration.FromMinutes(1))
        {
            await Task.WhenAll(nodes.Select(n => n.TickAsync(now)));
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
