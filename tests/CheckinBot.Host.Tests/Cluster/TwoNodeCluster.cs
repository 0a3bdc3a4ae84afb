using System.Globalization;
using CheckinBot.Core.Collaborations;
using NodaTime;

namespace CheckinBot.Host.Tests.Cluster;

/// <summary>
/// Two host processes on one fresh PostgreSQL database (reached through a proxy that can cut it), Quartz clustered,
/// both posting to the shared fake Slack. A killed node can be started again, as an orchestrator would.
/// </summary>
public sealed class TwoNodeCluster : IAsyncDisposable
{
    /// <summary>The delivery lease the nodes are given: short, so a dead node's work is taken over soon.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly FakeSlack slack;
    private readonly HostNode?[] nodes = new HostNode?[2];
    private readonly int[] generations = new int[2];

    private TwoNodeCluster(string name, FakeSlack slack, ClusterDatabase database, BurstAgreements agreements)
    {
        Name = name;
        this.slack = slack;
        Database = database;
        Agreements = agreements;
    }

    public string Name { get; }
    public ClusterDatabase Database { get; }
    public BurstAgreements Agreements { get; }

    public IReadOnlyList<HostNode> Nodes => nodes.Where(n => n is not null).Cast<HostNode>().ToList();

    /// <summary>The collaborations added at start, one channel each.</summary>
    public IReadOnlyList<Collaboration> Collaborations { get; private set; } = [];

    /// <summary>How long the start took: both nodes ready, and the collaborations added meanwhile.</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <summary>
    /// A fresh database, migrated; then the first node and, once it is ready, the second (as compose starts them), while
    /// <paramref name="collaborations"/> collaborations are added.
    /// </summary>
    public static async Task<TwoNodeCluster> StartAsync(string name, FakeSlack slack, int collaborations, params string[] settings)
    {
        var started = TimeProvider.System.GetTimestamp();
        var database = await ClusterDatabase.CreateAsync();
        var agreements = await BurstAgreements.OpenAsync(database.DirectConnectionString);
        var cluster = new TwoNodeCluster(name, slack, database, agreements) { Settings = settings };
        var adding = agreements.AddCollaborationsAsync(name.ToUpperInvariant(), collaborations, Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()));
        await cluster.StartNodeAsync(0);
        await cluster.StartNodeAsync(1);
        cluster.Collaborations = await adding;
        cluster.StartedIn = TimeProvider.System.GetElapsedTime(started);
        return cluster;
    }

    private string[] Settings { get; init; } = [];

    /// <summary>The running node whose Slack calls come in under <paramref name="nodeName"/>.</summary>
    public HostNode? NodeNamed(string nodeName) => Nodes.FirstOrDefault(n => n.Name == nodeName);

    /// <summary>Kills a node with <c>kill -9</c>.</summary>
    public async Task KillAsync(HostNode node)
    {
        var slot = Array.IndexOf(nodes, node);
        nodes[slot] = null;
        await node.KillAsync();
    }

    /// <summary>Starts a new process in the place of a killed node; waits until it is ready.</summary>
    public async Task<HostNode> RestartAsync()
    {
        var slot = Array.IndexOf(nodes, null);
        return await StartNodeAsync(slot);
    }

    private async Task<HostNode> StartNodeAsync(int slot)
    {
        var name = $"{Name}-{(char)('a' + slot)}{++generations[slot]}";
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = Database.ConnectionString,
            ["Slack__SigningSecret"] = "cluster-signing-secret",
            ["Slack__BotToken"] = ClusterFixture.BotToken,
            ["Slack__ApiBaseUrl"] = slack.ApiBaseUrlFor(name),
            ["Playground__Enabled"] = "false",
            ["Delivery__ReminderLead"] = "00:00:01",
            ["Delivery__Lease"] = Lease.ToString("c", CultureInfo.InvariantCulture),
            // The fake Slack sets no rate limit on conversations.history; real Slack's tier 3 is the default's 1.2 s.
            ["Slack__LookupInterval"] = "00:00:00.020",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var setting in Settings)
        {
            var (key, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            environment[key] = value;
        }

        var node = HostNode.Start(name, environment);
        nodes[slot] = node;
        await node.WaitUntilReadyAsync(StartTimeout);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        await Agreements.DisposeAsync();
        await Database.DisposeAsync();
    }
}
