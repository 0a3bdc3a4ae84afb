using System.Globalization;

namespace CheckinBot.Bench.Peers;

/// <summary>The peers benchmark's settings: a full run (about three minutes) or <c>--quick</c> (a smoke run of about twenty seconds).</summary>
internal sealed record PeersOptions
{
    public bool Quick { get; init; }

    public bool Build { get; init; } = true;

    /// <summary>CheckinBot's phases only, without the peers: for profiling and comparing builds of CheckinBot.</summary>
    public bool BotOnly { get; init; }

    /// <summary>The Teams phases only (CheckinBot's, and the SDK's unless <see cref="BotOnly"/>): for profiling the Teams path alone.</summary>
    public bool TeamsOnly { get; init; }

    /// <summary>With <see cref="BotOnly"/>: CheckinBot's Slack open loop alone (after the warm-up), to compare settings quickly.</summary>
    public bool OpenLoopOnly { get; init; }

    /// <summary>Each Slack phase from people the bot never saw (their own user ids), not the same people in every phase.</summary>
    public bool Strangers { get; init; }

    /// <summary>
    /// Environment variables for CheckinBot's process alone (<c>--host-env NAME=VALUE</c>, repeatable): a runtime setting
    /// such as <c>DOTNET_GCgen0size</c> compared without changing the load generator, which shares the bench's own.
    /// </summary>
    public IReadOnlyDictionary<string, string> HostEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The load generator and the fake platform on the first processor, each system under measurement on the second
    /// (<c>--split-cores</c>, Linux with two or more processors): latency then measures the system, not its fight with the
    /// generator for the same cores. Each system gets one processor, CheckinBot as much as the single-threaded Node peers.
    /// </summary>
    public bool SplitCores { get; init; }

    /// <summary>
    /// The host's build configuration (<c>--configuration Debug</c>): Release by default, as the Dockerfile publishes it;
    /// Debug is what the README's run command, <c>dotnet run --project src/CheckinBot.Host</c>, builds and starts.
    /// </summary>
    public string Configuration { get; init; } = "Release";

    public int Concurrency { get; init; } = 200;

    public int Rate { get; init; } = 1_000;

    public int Channels { get; init; } = 5_000;

    public int Tenants { get; init; } = 2_000;

    public TimeSpan Limit { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan WarmUp => Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(3);

    public TimeSpan Saturation => Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(20);

    public TimeSpan OpenLoop => Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(15);

    /// <summary>Reads <c>--quick</c>, <c>--no-build</c>, <c>--bot-only</c>, <c>--teams-only</c>, <c>--strangers</c>, <c>--open-loop-only</c>, <c>--split-cores</c>, <c>--concurrency N</c>, <c>--rate N</c>, <c>--channels N</c>, <c>--tenants N</c>, <c>--host-env NAME=VALUE</c>, <c>--configuration Debug|Release</c>.</summary>
    public static PeersOptions Parse(IReadOnlyList<string> args)
    {
        string? Text(string name)
        {
            var at = args.ToList().IndexOf(name);
            return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
        }

        int Number(string name, int fallback) =>
            int.TryParse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

        var defaults = new PeersOptions();
        return new PeersOptions
        {
            Quick = args.Contains("--quick"),
            Build = !args.Contains("--no-build"),
            BotOnly = args.Contains("--bot-only"),
            TeamsOnly = args.Contains("--teams-only"),
            Strangers = args.Contains("--strangers"),
            OpenLoopOnly = args.Contains("--open-loop-only"),
            SplitCores = args.Contains("--split-cores"),
            Configuration = Text("--configuration") is { } configuration && (configuration == "Debug" || configuration == "Release") ? configuration : defaults.Configuration,
            Concurrency = Number("--concurrency", defaults.Concurrency),
            Rate = Number("--rate", defaults.Rate),
            Channels = Number("--channels", defaults.Channels),
            Tenants = Number("--tenants", defaults.Tenants),
            HostEnvironment = args.Zip(args.Skip(1))
                .Where(pair => pair.First == "--host-env" && pair.Second.IndexOf('=', StringComparison.Ordinal) > 0)
                .Select(pair => pair.Second.Split('=', 2))
                .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal),
        };
    }
}
