using System.Globalization;
using CheckinBot.Testing.Processes;

namespace CheckinBot.Bench;

/// <summary>
/// Start to ready of the published host on SQLite: publishes once (as the Dockerfile does, plus any extra publish
/// arguments), then starts it five times on a fresh data folder, with the container image's environment, and times
/// process start to the first <c>/readyz</c> 200.
/// </summary>
internal static class StartupBench
{
    private const int Runs = 5;

    /// <summary>Turns on the host's start timeline (<c>StartupTimeline</c>, at Debug), printed for the last run.</summary>
    private const string TimelineLogLevel = "Logging__LogLevel__CheckinBot.Host.Health.StartupTimeline";

    public static async Task<int> RunAsync(IReadOnlyList<string> publishArguments)
    {
        var root = Directory.CreateTempSubdirectory("checkinbot-startup-");
        try
        {
            var app = Path.Combine(root.FullName, "app");
            var publish = $"dotnet publish src/CheckinBot.Host -c Release -o {app} {string.Join(' ', publishArguments)}".Trim();
            Console.WriteLine($"{publish} …");
            await PublishedHost.PublishAsync(Directory.GetCurrentDirectory(), publish, CancellationToken.None);

            var wall = new List<TimeSpan>();
            var timeline = "";
            var processor = new List<TimeSpan>();
            for (var run = 1; run <= Runs; run++)
            {
                var environment = new Dictionary<string, string>
                {
                    ["DataFolder"] = Path.Combine(root.FullName, $"data-{run}"),
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Playground__Enabled"] = "false",
                    [TimelineLogLevel] = "Debug",
                };
                await using var host = PublishedHost.Start(app, PublishedHost.FreePort(), environment);
                wall.Add(await host.WaitUntilReadyAsync(TimeSpan.FromMinutes(2)));
                processor.Add(host.ProcessorTime);
                Console.WriteLine($"run {run}: ready after {Seconds(wall[^1])} s, {Seconds(processor[^1])} s of CPU (load average {LoadAverage()})");
                timeline = await TimelineAsync(host);
            }

            Console.WriteLine();
            Console.WriteLine($"the last run's start (wall time since the host began building, the process' CPU time):");
            Console.WriteLine(timeline);

            Console.WriteLine();
            Console.WriteLine($"start to ready, p50:           {Seconds(Median(wall))} s (target: 2 s)");
            Console.WriteLine($"start to ready, max:           {Seconds(wall.Max())} s");
            Console.WriteLine($"CPU time until ready, p50:     {Seconds(Median(processor))} s");
            return 0;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>The host's "start: …" lines, once it has logged its first ready.</summary>
    private static async Task<string> TimelineAsync(PublishedHost host)
    {
        for (var i = 0; i < 50 && !host.Output.Contains("start: first ready", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        return string.Join(Environment.NewLine, host.Output.Split(Environment.NewLine)
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("start: ", StringComparison.Ordinal)));
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>The machine's one-minute load average, where Linux tells it: the figures mean little on a busy machine.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
