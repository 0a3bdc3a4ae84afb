namespace CheckinBot.Bench.Burst;

/// <summary>One measured burst: what each node said of itself and the peak memory read from outside it.</summary>
internal sealed record BurstRun(string Name, long Expected, IReadOnlyList<NodeFigures> Nodes, IReadOnlyList<long> PeaksFromOutside, string LoadAverage)
{
    /// <summary>What the database server spent meanwhile, where it was read (<see cref="PostgresProbe"/>).</summary>
    public string? Database { get; init; }

    /// <summary>With <c>--pg-stats</c>: the statements of the setup and of the burst, and the indexes the burst read.</summary>
    public string? Statements { get; init; }

    public long Posted => Nodes.Sum(n => n.Posted);

    /// <summary>From the due minute to the last post on any node.</summary>
    public double ToLastPost => Nodes.Max(n => n.ToLastPost);

    public double ToDone => Nodes.Max(n => n.ToDone);

    /// <summary>The largest node's peak resident memory as the kernel saw it (its own reading where there is no /proc).</summary>
    public long Peak => Nodes.Select((n, i) => PeaksFromOutside[i] > 0 ? PeaksFromOutside[i] : n.PeakWorkingSet).Max();

    public double CpuBurst => Nodes.Sum(n => n.CpuBurst);

    public long AllocatedBurst => Nodes.Sum(n => n.AllocatedBurst);

    public long AllocatedTotal => Nodes.Sum(n => n.AllocatedBurst + n.AllocatedBefore);

    /// <summary>Runs <paramref name="count"/> nodes on one store, arms them all, then lets the due minute come to all at once.</summary>
    public static async Task<BurstRun> MeasureAsync(string name, long expected, IReadOnlyList<IEnumerable<string>> nodeArguments, PostgresProbe? database = null)
    {
        var nodes = nodeArguments.Select(NodeProcess.Start).ToList();
        try
        {
            foreach (var node in nodes)
            {
                await node.WaitForAsync(BurstNode.Armed);
            }

            var load = MachineLoad();
            if (database is not null)
            {
                await database.StartAsync();
            }

            foreach (var node in nodes)
            {
                await node.SendAsync("go");
            }

            var figures = new List<NodeFigures>();
            foreach (var node in nodes)
            {
                figures.Add(await node.FiguresAsync());
            }

            var spent = database is null ? null : await database.StopAsync();
            return new BurstRun(name, expected, figures, nodes.Select(n => n.PeakResidentFromOutside()).ToList(), load + " → " + MachineLoad()) { Database = spent, Statements = StatementsOf(database) };
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static string? StatementsOf(PostgresProbe? database) => database?.Burst is { } burst
        ? "  statements before the due minute (seeding excluded: migrating, 16:45 planning and reminders):" + Environment.NewLine + database.Setup +
          Environment.NewLine + "  statements from the due minute:" + Environment.NewLine + burst
        : null;

    /// <summary>The machine's one-minute load average, where Linux tells it: the figures mean little on a busy machine.</summary>
    public static string MachineLoad() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
