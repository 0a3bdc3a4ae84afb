using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace CheckinBot.Bench.Peers;

/// <summary>
/// Starts the systems under measurement on loopback: CheckinBot (the Release build of the host, SQLite in a temp
/// folder, Development so Teams runs anonymous, Slack's Web API and the Teams connector at the fake platform) and the
/// two Node peers from <c>tools/</c>.
/// </summary>
internal sealed class Systems(string root, string folder) : IDisposable
{
    public const string SigningSecret = "bench-signing-secret-8f14e45fceea167a5a36dedd4bea2543";

    public const string CheckinBotName = "CheckinBot";
    public const string BoltName = "Bolt";
    public const string TeamsPeerName = "botbuilder peer";

    /// <summary>CheckinBot's data folder (its SQLite file) inside the run's folder.</summary>
    public const string DataFolderName = "checkinbot-data";

    private readonly List<ChildProcess> started = [];

    public string BoltDirectory => Path.Combine(root, "tools", "slack-bolt-peer");

    public string TeamsPeerDirectory => Path.Combine(root, "tools", "teams-sdk-peer");

    /// <summary>CheckinBot's <c>/metrics</c> once it started.</summary>
    public Uri? CheckinBotMetrics { get; private set; }

    /// <summary>The host's build configuration: Release by default; Debug is what the README's <c>dotnet run</c> builds.</summary>
    public string Configuration { get; init; } = "Release";

    public string HostDll => Path.Combine(root, "src", "CheckinBot.Host", "bin", Configuration, "net10.0", "CheckinBot.Host.dll");

    /// <summary>The repository root: the nearest folder up from here that holds CheckinBot.sln.</summary>
    public static string? FindRoot()
    {
        for (var at = new DirectoryInfo(Directory.GetCurrentDirectory()); at is not null; at = at.Parent)
        {
            if (File.Exists(Path.Combine(at.FullName, "CheckinBot.sln")))
            {
                return at.FullName;
            }
        }

        return null;
    }

    /// <summary>What is missing before a run can start (the peers' packages), as the commands that install it.</summary>
    public IEnumerable<string> Missing()
    {
        foreach (var peer in new[] { BoltDirectory, TeamsPeerDirectory })
        {
            if (!Directory.Exists(Path.Combine(peer, "node_modules")))
            {
                yield return "npm ci --prefix " + Path.GetRelativePath(root, peer);
            }
        }
    }

    /// <summary>The version of a package a peer installed, for the report.</summary>
    public static string VersionOf(string peerDirectory, string package)
    {
        var manifest = Path.Combine(peerDirectory, "node_modules", package, "package.json");
        using var json = JsonDocument.Parse(File.ReadAllBytes(manifest));
        return json.RootElement.GetProperty("version").GetString() ?? "?";
    }

    public async Task<bool> BuildHostAsync()
    {
        Console.WriteLine($"Building CheckinBot.Host ({Configuration}) …");
        var info = new ProcessStartInfo("dotnet", ["build", "-c", Configuration, "--nologo", "-v", "q", Path.Combine("src", "CheckinBot.Host")])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
        };
        using var build = Process.Start(info)!;
        var output = await build.StandardOutput.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            Console.WriteLine(output);
        }

        return build.ExitCode == 0;
    }

    public async Task<Uri> StartCheckinBotAsync(FakePlatform fake, IReadOnlyDictionary<string, string> settings)
    {
        var port = ChildProcess.FreePort();
        var url = new Uri($"http://127.0.0.1:{port}/");
        var environment = new Dictionary<string, string>(LaunchProfile.EnvironmentIn(root), StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["DataFolder"] = Path.Combine(folder, DataFolderName),
            ["Slack__SigningSecret"] = SigningSecret,
            ["Slack__BotToken"] = "xoxb-bench-0000000000-token",
            ["Slack__ApiBaseUrl"] = new Uri(fake.BaseUrl, "api/").ToString(),
            ["Teams__AllowedServiceUrls__0"] = fake.BaseUrl.ToString(),
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        var log = Path.Combine(folder, "checkinbot.log");
        var host = Start(CheckinBotName, "dotnet", [HostDll, "--urls", url.ToString().TrimEnd('/')], environment, log);
        await host.WaitUntilReadyAsync(new Uri(url, "readyz"), HttpStatusCode.OK, TimeSpan.FromSeconds(180), log);
        CheckinBotMetrics = new Uri(url, "metrics");
        return url;
    }

    public async Task<Uri> StartBoltAsync(FakePlatform fake, int helpChars, int statusChars)
    {
        var port = ChildProcess.FreePort();
        var log = Path.Combine(folder, "bolt.log");
        var bolt = Start(BoltName, "node", [Path.Combine(BoltDirectory, "app.js")], new Dictionary<string, string>
        {
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SLACK_SIGNING_SECRET"] = SigningSecret,
            ["HELP_CHARS"] = helpChars.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["STATUS_CHARS"] = statusChars.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SLACK_API_URL"] = new Uri(fake.BaseUrl, "api/").ToString(),
        }, log);
        var url = new Uri($"http://127.0.0.1:{port}/");
        await bolt.WaitUntilReadyAsync(url, null, TimeSpan.FromSeconds(90), log);
        return url;
    }

    public async Task<Uri> StartTeamsPeerAsync(int textChars)
    {
        var port = ChildProcess.FreePort();
        var log = Path.Combine(folder, "teams-sdk-peer.log");
        var peer = Start(TeamsPeerName, "node", [Path.Combine(TeamsPeerDirectory, "bot.js")], new Dictionary<string, string>
        {
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TEXT_CHARS"] = textChars.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, log);
        var url = new Uri($"http://127.0.0.1:{port}/");
        await peer.WaitUntilReadyAsync(url, null, TimeSpan.FromSeconds(90), log);
        return url;
    }

    /// <summary>
    /// The one processor each system under measurement runs on (<c>--split-cores</c>), started through <c>taskset</c> so
    /// that every thread it makes inherits it; null: any processor, shared with the load generator.
    /// </summary>
    public int? SystemProcessor { get; init; }

    private ChildProcess Start(string name, string file, IEnumerable<string> arguments, Dictionary<string, string> environment, string log)
    {
        if (SystemProcessor is { } processor)
        {
            arguments = ["-c", processor.ToString(System.Globalization.CultureInfo.InvariantCulture), file, .. arguments];
            file = "taskset";
        }

        var child = ChildProcess.Start(name, file, arguments, environment, log);
        started.Add(child);
        return child;
    }

    /// <summary>The processor time a started system (<see cref="CheckinBotName"/>, <see cref="BoltName"/>, <see cref="TeamsPeerName"/>) has used so far.</summary>
    public TimeSpan CpuTime(string name) => started.FirstOrDefault(child => child.Name == name)?.CpuTime ?? TimeSpan.Zero;

    /// <summary>The process id of a started system, or 0.</summary>
    public int ProcessId(string name) => started.FirstOrDefault(child => child.Name == name)?.Id ?? 0;

    public void Dispose()
    {
        foreach (var child in started)
        {
            child.Dispose();
        }

        started.Clear();
    }
}
