namespace CheckinBot.Host.Tests.Cluster;

/// <summary>What the cluster tests share: one fake Slack on loopback that every node of every test posts to.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public SlowSlack Slack { get; private set; } = null!;

    public async Task InitializeAsync() => Slack = await SlowSlack.StartAsync();

    public async Task DisposeAsync() => await Slack.DisposeAsync();
}
