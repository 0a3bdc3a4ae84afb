using System.Diagnostics;

namespace CheckinBot.Bench.Peers;

/// <summary>
/// <c>peers</c>: the same signed, unique slash commands against CheckinBot and a minimal Bolt-JS app, and the same
/// unique Teams message activities against CheckinBot and a botbuilder-js <c>CloudAdapter</c> bot, all answering on
/// loopback to one fake platform; prints answered per second at saturation, latency at a fixed rate, and the ratios.
/// </summary>
internal static class PeersBench
{
    /// <summary>How long the probes that measure CheckinBot's answers wait: longer than the limit, since a backlog may hold them up.</summary>
    private static readonly TimeSpan ProbeLimit = TimeSpan.FromSeconds(30);

    /// <summary>0 when every target is met, 1 when one is not, 2 when the run could not start.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = PeersOptions.Parse(args);
        var root = Systems.FindRoot();
        if (root is null)
        {
            Console.Error.WriteLine("Run this from the repository (the folder with CheckinBot.sln).");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), "checkinbot-peers", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (options.SplitCores && !await PinSelfAsync(0))
        {
            Console.Error.WriteLine("--split-cores needs Linux, taskset and at least two processors.");
            return 2;
        }

        using var systems = new Systems(root, folder) { SystemProcessor = options.SplitCores ? 1 : null, Configuration = options.Configuration };
        // --bot-only starts neither Node peer, so it needs nothing from npm.
        if (!options.BotOnly && systems.Missing().ToList() is { Count: > 0 } missing)
        {
            Console.Error.WriteLine("The Node peers are not installed; run: " + string.Join(" && ", missing));
            return 2;
        }

        if (options.Build && !await systems.BuildHostAsync())
        {
            return 2;
        }

        var ledger = new AnswerLedger();
        await using var fake = new FakePlatform(ledger);
        await fake.StartAsync();
        var bolt = options.BotOnly ? "Bolt-JS" : "Bolt-JS " + Systems.VersionOf(systems.BoltDirectory, "@slack/bolt");
        var sdk = options.BotOnly ? "botbuilder" : "botbuilder " + Systems.VersionOf(systems.TeamsPeerDirectory, "botbuilder");
        Console.WriteLine($"Logs in {folder}; {LoadAverage()}");
        if (options.SplitCores)
        {
            Console.WriteLine("Split cores: the load generator and the fake platform on CPU 0, each system under measurement on CPU 1.");
        }
        if (options.HostEnvironment.Count > 0)
        {
            Console.WriteLine("CheckinBot's own environment: " + string.Join(' ', options.HostEnvironment.Select(pair => $"{pair.Key}={pair.Value}")));
        }

        var checkinbot = await systems.StartCheckinBotAsync(fake, options.HostEnvironment);
        using var slackBot = new SlackContender("CheckinBot", new Uri(checkinbot, "slack/commands"), Systems.SigningSecret, options.Channels, fake, ledger, options.Limit,
            options.Strangers);
        using var teamsBot = new TeamsContender("CheckinBot", new Uri(checkinbot, "api/messages"), options.Tenants, fake, ledger, options.Limit);

        // Warm CheckinBot up first, then measure its answers: the peers answer with lines as long as those.
        if (!options.TeamsOnly)
        {
            await WarmUpAsync(slackBot, options, ledger);
        }

        await WarmUpAsync(teamsBot, options, ledger);
        int help = 0, status = 0, teamsText;
        using (var slackProbe = new SlackContender("CheckinBot", slackBot.Url, Systems.SigningSecret, options.Channels, fake, ledger, ProbeLimit))
        using (var teamsProbe = new TeamsContender("CheckinBot", teamsBot.Url, options.Tenants, fake, ledger, ProbeLimit))
        {
            if (!options.TeamsOnly)
            {
                (help, status) = (await ProbeAsync(slackProbe, 0, 400), await ProbeAsync(slackProbe, 1, 120));
            }

            teamsText = await ProbeAsync(teamsProbe, 0, 400);
        }

        Console.WriteLine($"CheckinBot's answers: help {help} characters, status {status}; on Teams {teamsText}.");
        if (options.TeamsOnly)
        {
            return await RunTeamsOnlyAsync(systems, options, fake, ledger, teamsBot, sdk, teamsText);
        }

        if (options.BotOnly)
        {
            var phases = new List<Tally?>();
            foreach (var (contender, phase, open, name) in new (Contender, string, bool, string)[]
                     { (slackBot, "s", false, "Slack saturation"), (slackBot, "o", true, "Slack open loop"), (teamsBot, "m", false, "Teams saturation") })
            {
                if (options.OpenLoopOnly && !open)
                {
                    phases.Add(null);
                    continue;
                }

                phases.Add(await MeasureAsync(systems, Systems.CheckinBotName, ledger, $"{name}, CheckinBot", () => open
                    ? LoadDriver.OpenAsync(contender.Name, options.Rate, options.OpenLoop, (seq, at) => contender.SendAsync(phase, seq, at))
                    : LoadDriver.ClosedAsync(contender.Name, options.Concurrency, options.Saturation, (seq, at) => contender.SendAsync(phase, seq, at))));
            }

            new PeersReport(options).PrintBotOnly(phases[0], phases[1], phases[2]);
            Console.WriteLine($"{LoadAverage()}.");
            return 1;
        }

        using var slackPeer = new SlackContender(bolt, new Uri(await systems.StartBoltAsync(fake, help, status), "slack/commands"), Systems.SigningSecret,
            options.Channels, fake, ledger, options.Limit, options.Strangers);
        using var teamsPeer = new TeamsContender(sdk, new Uri(await systems.StartTeamsPeerAsync(teamsText), "api/messages"), options.Tenants, fake, ledger, options.Limit);
        await WarmUpAsync(slackPeer, options, ledger);
        await WarmUpAsync(teamsPeer, options, ledger);

        var report = new PeersReport(options);
        var slackSaturation = new List<Tally>();
        foreach (var (contender, phase, process) in new[] { (slackBot, "s", Systems.CheckinBotName), (slackPeer, "t", Systems.BoltName) })
        {
            slackSaturation.Add(await MeasureAsync(systems, process, ledger, $"Slack saturation, {contender.Name}",
                () => LoadDriver.ClosedAsync(contender.Name, options.Concurrency, options.Saturation, (seq, at) => contender.SendAsync(phase, seq, at))));
        }

        var slackLatency = new List<Tally>();
        foreach (var (contender, phase, process) in new[] { (slackBot, "o", Systems.CheckinBotName), (slackPeer, "p", Systems.BoltName) })
        {
            slackLatency.Add(await MeasureAsync(systems, process, ledger, $"Slack open loop, {contender.Name}",
                () => LoadDriver.OpenAsync(contender.Name, options.Rate, options.OpenLoop, (seq, at) => contender.SendAsync(phase, seq, at))));
        }

        var teams = new List<Tally>();
        foreach (var (contender, phase, process) in new[] { (teamsBot, "m", Systems.CheckinBotName), (teamsPeer, "n", Systems.TeamsPeerName) })
        {
            teams.Add(await MeasureAsync(systems, process, ledger, $"Teams saturation, {contender.Name}",
                () => LoadDriver.ClosedAsync(contender.Name, options.Concurrency, options.Saturation, (seq, at) => contender.SendAsync(phase, seq, at))));
        }

        var met = report.Print(slackSaturation[0], slackSaturation[1], slackLatency[0], slackLatency[1], teams[0], teams[1]);
        Console.WriteLine($"Answers that matched nothing still waiting (late, or after a phase ended): {ledger.Unmatched:N0}; {LoadAverage()}.");
        systems.Dispose();
        TryDelete(Path.Combine(folder, Systems.DataFolderName));
        return met ? 0 : 1;
    }

    /// <summary><c>--teams-only</c>: CheckinBot's Teams phase, and the SDK's beside it unless <c>--bot-only</c>.</summary>
    private static async Task<int> RunTeamsOnlyAsync(Systems systems, PeersOptions options, FakePlatform fake, AnswerLedger ledger, TeamsContender teamsBot, string sdk, int teamsText)
    {
        var report = new PeersReport(options);
        var bot = await MeasureAsync(systems, Systems.CheckinBotName, ledger, "Teams saturation, CheckinBot",
            () => LoadDriver.ClosedAsync(teamsBot.Name, options.Concurrency, options.Saturation, (seq, at) => teamsBot.SendAsync("m", seq, at)));
        if (options.BotOnly)
        {
            report.PrintBotOnly(null, null, bot);
            Console.WriteLine($"{LoadAverage()}.");
            return 1;
        }

        using var teamsPeer = new TeamsContender(sdk, new Uri(await systems.StartTeamsPeerAsync(teamsText), "api/messages"), options.Tenants, fake, ledger, options.Limit);
        await WarmUpAsync(teamsPeer, options, ledger);
        var peer = await MeasureAsync(systems, Systems.TeamsPeerName, ledger, $"Teams saturation, {sdk}",
            () => LoadDriver.ClosedAsync(teamsPeer.Name, options.Concurrency, options.Saturation, (seq, at) => teamsPeer.SendAsync("n", seq, at)));
        var met = report.PrintTeams(bot, peer);
        Console.WriteLine($"Answers that matched nothing still waiting (late, or after a phase ended): {ledger.Unmatched:N0}; {LoadAverage()}.");
        return met ? 0 : 1;
    }

    /// <summary>One run, with the processor time the system used for it until its answers stopped coming.</summary>
    /// <remarks>Each phase is announced with the process id, so a profiler can be attached to just that phase.</remarks>
    private static async Task<Tally> MeasureAsync(Systems systems, string process, AnswerLedger ledger, string phase, Func<Task<Tally>> run)
    {
        Console.WriteLine($"Phase: {phase} (process {systems.ProcessId(process)}) starts; {LoadAverage()}");
        var probe = await PhaseProbe.StartAsync(systems.ProcessId(process), process == Systems.CheckinBotName ? systems.CheckinBotMetrics : null);
        var before = systems.CpuTime(process);
        var tally = await run();
        await QuietAsync(ledger);
        tally.Cpu = systems.CpuTime(process) - before;
        Console.WriteLine(await probe.StopAsync(tally));
        return tally;
    }

    /// <summary>JIT, connection pools and caches warmed by a short closed loop that is not reported.</summary>
    private static async Task WarmUpAsync(Contender contender, PeersOptions options, AnswerLedger ledger)
    {
        await LoadDriver.ClosedAsync(contender.Name, options.Concurrency, options.WarmUp, (seq, at) => contender.SendAsync("w", seq, at));
        await QuietAsync(ledger);
    }

    /// <summary>The length of a system's answer to <c>help</c> (even <paramref name="seq"/>) or <c>status</c> (odd): three tries, else the fallback.</summary>
    private static async Task<int> ProbeAsync(Contender contender, long seq, int fallback)
    {
        var outcome = default(Outcome);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            outcome = await contender.SendAsync("probe", seq + (2 * attempt), Stopwatch.GetTimestamp());
            if (outcome is { Kind: OutcomeKind.Answered, Chars: > 0 })
            {
                return outcome.Chars;
            }
        }

        Console.WriteLine($"{contender.Name} gave no answer to probe {seq} ({outcome.Kind}); the peer answers with {fallback} characters.");
        return fallback;
    }

    /// <summary>Waits until no answer has reached the fake platform for a second (at most 20 s), so a backlog does not slow the next phase.</summary>
    private static async Task QuietAsync(AnswerLedger ledger)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(ledger.LastAnswerAt) < TimeSpan.FromSeconds(1) && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100);
        }
    }

    /// <summary>The machine's load (Linux), printed because every system here shares its cores with the load generator and whatever else runs.</summary>
    /// <summary>Every thread of this process (and those it makes from now on) on one processor, through <c>taskset -a -p</c>.</summary>
    private static async Task<bool> PinSelfAsync(int processor)
    {
        if (!OperatingSystem.IsLinux() || Environment.ProcessorCount < 2)
        {
            return false;
        }

        var info = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-a", "-p", "-c", processor.ToString(System.Globalization.CultureInfo.InvariantCulture), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var taskset = Process.Start(info)!;
            await taskset.WaitForExitAsync();
            return taskset.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + $" on {Environment.ProcessorCount} cores" : "";

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            Console.WriteLine($"Left {folder} behind.");
        }
    }
}
