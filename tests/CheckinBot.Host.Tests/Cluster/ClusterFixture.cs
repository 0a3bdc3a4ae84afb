namespace CheckinBot.Host.Tests.Cluster;

/// <summary>
/// What the cluster tests share: one fake Slack on loopback that every node of every test posts to, each node on its own
/// base URL, answering a post in about 40 ms as Slack under load does, and keeping the posts only (bursts of thousands).
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string BotToken = "xoxb-cluster-token";

    public FakeSlack Slack { get; private set; } = null!;

    public async Task InitializeAsync() => Slack = await FakeSlack.StartAsync(new FakeSlackOptions
    {
        BotToken = BotToken,
        PostDelay = TimeSpan.FromMilliseconds(40),
        PostJitter = TimeSpan.FromMilliseconds(10),
        KeepCalls = false,
    });

    public async Task DisposeAsync() => await Slack.DisposeAsync();
}
