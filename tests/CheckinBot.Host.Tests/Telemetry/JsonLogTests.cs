using CheckinBot.Testing;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CheckinBot.Host.Tests.Slack;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>The host as a process of its own, its standard output read line by line.</summary>
public class JsonLogTests
{
    private const string Secret = "banana-quarterly-7731";

    [Theory]
    [InlineData("--Logging:Format=json")]
    [InlineData("--Logging:Console:FormatterName=json")]
    public async Task EveryLineIsAJsonObjectWithIdsAndNoMessageText(string setting)
    {
        await using var slack = await EndToEndSlack.StartAsync();
        using var dataFolder = new ScratchFolder("jsonlog");
        var lines = new ConcurrentQueue<string>();
        var host = Path.Combine(AppContext.BaseDirectory, "CheckinBot.Host.dll");
        var start = new ProcessStartInfo("dotnet",
            [host, "--urls=http://127.0.0.1:0", $"--DataFolder={dataFolder}", "--Scheduling:Enabled=false", "--Logging:LogLevel:CheckinBot=Debug", setting, .. SignedSlack.Settings(slack.ApiBaseUrl)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lines.Enqueue(line);
            }
        };
        process.BeginOutputReadLine();
        try
        {
            // A process of its own starts slowly on a busy machine (its Data Protection key is made first).
            await SignedSlack.EventuallyAsync(() => AddressOf(lines) is not null || process.HasExited, "the host listening", seconds: 90);
            if (process.HasExited)
            {
                Assert.Fail("The host stopped: " + await process.StandardError.ReadToEndAsync());
            }

            using var client = new HttpClient { BaseAddress = new Uri(AddressOf(lines)!) };
            using var response = await client.SendAsync(SignedSlack.Command("UVA00001", $"start {Secret} report", "jsonlog"));
            response.EnsureSuccessStatusCode();
            await SignedSlack.EventuallyAsync(() => lines.Any(l => l.Contains("\"UserId\":\"UVA00001\"", StringComparison.Ordinal)), "the command's log line");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var entries = lines.Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        entries.Should().NotBeEmpty().And.OnlyContain(e => e.ValueKind == JsonValueKind.Object);
        entries.Select(e => e.EnumerateObject().Select(p => p.Name).ToList()).Should().OnlyContain(names => names.Contains("Category") && names.Contains("LogLevel"));
        var command = entries.Single(e => e.GetProperty("State").TryGetProperty("UserId", out var user) && user.GetString() == "UVA00001");
        command.GetProperty("State").GetProperty("TeamId").GetString().Should().Be(SignedSlack.Team);
        command.GetProperty("State").GetProperty("ChannelId").GetString().Should().Be(SignedSlack.Channel);
        lines.Should().NotContain(l => l.Contains(Secret, StringComparison.Ordinal), "logs carry ids, never message texts");
        lines.Should().NotContain(l => l.Contains("xoxb-e2e-token", StringComparison.Ordinal), "nor tokens");
    }

    /// <summary>The address from the host's structured "Now listening on" line.</summary>
    private static string? AddressOf(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            if (line.StartsWith('{') && line.Contains("Now listening on", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line).RootElement.GetProperty("State").GetProperty("address").GetString();
            }
        }

        return null;
    }
}
