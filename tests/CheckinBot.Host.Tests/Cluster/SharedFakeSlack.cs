namespace CheckinBot.Host.Tests.Cluster;

/// <summary>The cluster tests share one fake Slack and run one after the other: each starts host processes of its own.</summary>
[CollectionDefinition(Name)]
public sealed class SharedFakeSlack : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}
