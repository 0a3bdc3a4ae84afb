using System.Globalization;
using System.Net;
using NodaTime;
using Xunit.Abstractions;

namespace CheckinBot.Host.Tests.Cluster;

/// <summary>
/// PostgreSQL unreachable for 30 s in the middle of a burst of 2,000 occurrences: the proxy between the two nodes and the
/// database resets every connection, while the shared server keeps running for the other test assemblies.
/// </summary>
[Collection(SharedFakeSlack.Name)]
public class DatabaseOutageTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int Occurrences = 2000;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    /// <summary>Readiness is asked every second; the first few seconds of the cut may still find an answer on the way.</summary>
    private static readonly TimeSpan ReadinessSettles = TimeSpan.FromSeconds(5);

    [SkippableFact]
    public async Task Nothing_is_lost_or_doubled_and_both_nodes_answer_503_while_the_database_is_away_and_recover_without_a_restart()
    {
        ClusterDatabase.Server();
        await using var cluster = await TwoNodeCluster.StartAsync("o", fixture.Slack, Occurrences);
        var nodes = cluster.Nodes;
        var collaborations = cluster.Collaborations;
        var due = Burst.NextWholeMinute(TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(20));
        var keys = await cluster.Agreements.AgreeDailyUpdatesAsync(collaborations, Instant.FromDateTimeOffset(due), Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()));
        var burst = new Burst(fixture.Slack, due, keys);

        (await Burst.WaitAsync(() => burst.Posted() >= Occurrences / 10, due + TimeSpan.FromSeconds(90))).Should().BeTrue("the burst must start");
        var postedBeforeCut = burst.Posted();
        cluster.Database.Proxy.Cut();
        var cutAt = TimeProvider.System.GetUtcNow();
        var during = new List<(TimeSpan At, string Node, HttpStatusCode? Status)>();
        while (TimeProvider.System.GetUtcNow() - cutAt < Outage)
        {
            foreach (var node in nodes)
            {
                during.Add((TimeProvider.System.GetUtcNow() - cutAt, node.Name, await node.ReadinessAsync()));
            }

            await Task.Delay(1000);
        }

        var postedDuringCut = burst.Posted() - postedBeforeCut;
        cluster.Database.Proxy.Restore();
        var restoredAt = TimeProvider.System.GetUtcNow();
        var readyAgain = new Dictionary<string, TimeSpan>();
        foreach (var node in nodes)
        {
            await node.WaitUntilReadyAsync(TimeSpan.FromMinutes(10));
            readyAgain[node.Name] = TimeProvider.System.GetUtcNow() - restoredAt;
        }

        // Posts made while the database was away are recorded once it is back (or once their lease ran out and a
        // worker found them in Slack): wait for the ledger, then a little longer for any second copy.
        await Burst.WaitAsync(() => burst.Missing().Count == 0, due + TimeSpan.FromMinutes(5));
        var recorded = await Burst.WaitAsync(async () => await cluster.Agreements.CountPostedAsync(Instant.FromDateTimeOffset(due)) == Occurrences, due + TimeSpan.FromMinutes(5));
        var recordedAt = TimeProvider.System.GetUtcNow() - due;
        await Task.Delay(TwoNodeCluster.Lease + TimeSpan.FromSeconds(5));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"started in {cluster.StartedIn.TotalSeconds:0} s; cut at +{(cutAt - due).TotalSeconds:0.0} s after {postedBeforeCut} posts; {postedDuringCut} posted during the cut; " +
            $"ready again after {string.Join(", ", readyAgain.Select(r => $"{r.Key} {r.Value.TotalSeconds:0.0} s"))}; " +
            $"all out at {(burst.Completed() is { } c ? $"+{c.TotalSeconds:0.0} s" : "never")}; all recorded at {(recorded ? $"+{recordedAt.TotalSeconds:0.0} s" : "never")}; history lookups {fixture.Slack.HistoryCallsBy("o-")}"));
        output.WriteLine(string.Join("; ", during.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Node} +{d.At.TotalSeconds:0} s {(int?)d.Status}"))));

        during.Where(d => d.At >= ReadinessSettles).Should().NotBeEmpty()
            .And.OnlyContain(d => d.Status == HttpStatusCode.ServiceUnavailable, "a node whose database is away is not ready");
        burst.Doubled().Should().BeEmpty("no occurrence may be posted twice");
        burst.Missing().Should().BeEmpty("no occurrence may be lost");
        recorded.Should().BeTrue("every post is recorded in the ledger as posted once the database is back");
    }
}
