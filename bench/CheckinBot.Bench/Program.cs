// Burst benchmark: 100,000 rhythms due in the same minute across 10,000 conversations, delivered through the
// production planner, ledger, delivery workers and IChatGateway (a gateway that only counts), by nodes in processes of
// their own whose memory is read from outside; beside a Quartz trigger per rhythm, and on PostgreSQL with two nodes
// when CHECKINBOT_TEST_POSTGRES is set (see Burst/BurstBench).
// With "classifier" as the first argument: the ping classifier's speed over the corpora (see ClassifierBench).
// With "startup": the published host's start to ready on SQLite (see StartupBench); further arguments go to dotnet publish.
// With "peers": CheckinBot beside Bolt-JS and botbuilder-js on Slack and Teams (see Peers/PeersBench).
using CheckinBot.Bench;
using CheckinBot.Bench.Burst;

if (args is ["startup", .. var publishArguments])
{
    return await StartupBench.RunAsync(publishArguments);
}

if (args is ["peers", .. var peerArgs])
{
    return await CheckinBot.Bench.Peers.PeersBench.RunAsync(peerArgs);
}

if (args is ["burst-node", .. var nodeArgs])
{
    return await BurstNode.RunAsync(nodeArgs);
}

if (args is ["quartz-node", .. var quartzArgs])
{
    return await QuartzBaseline.RunAsync(quartzArgs);
}

if (args is ["classifier", .. var corpora])
{
    ClassifierBench.Run(corpora.Length > 0 ? corpora : Directory.GetFiles(Path.Combine("src", "CheckinBot.Pings", "Corpora"), "*.tsv"));
    return 0;
}

return await BurstBench.RunAsync(args);
