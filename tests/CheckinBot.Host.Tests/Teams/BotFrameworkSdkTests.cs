using System.Diagnostics;
using CheckinBot.Host.Tests.Infrastructure;
using CheckinBot.Testing;

namespace CheckinBot.Host.Tests.Teams;

/// <summary>
/// Microsoft's own Bot Framework SDK for JavaScript plays the channel against the real host in anonymous Development
/// mode: it posts activities to <c>/api/messages</c> and receives the bot's replies at its own service URL
/// (<c>tools/teams-sdk-drive</c>). Needs Node.js and <c>npm ci --prefix tools/teams-sdk-drive</c>.
/// </summary>
public sealed class BotFrameworkSdkTests
{
    /// <summary>Where Node.js is; found on the PATH by default.</summary>
    public const string NodeVariable = "CHECKINBOT_NODE";

    [SkippableFact]
    public async Task TheJavaScriptSdkAsAChannelAgreesARhythmGetsPingAnswersAndTheUpdate()
    {
        var driver = Path.Combine(Repository.Root, "tools", "teams-sdk-drive");
        var node = Environment.GetEnvironmentVariable(NodeVariable) ?? FindOnPath("node");
        var missing = node is null ? "no Node.js on the PATH"
            : !Directory.Exists(Path.Combine(driver, "node_modules", "botbuilder")) ? $"botbuilder is not installed in {driver}"
            : null;
        if (missing is not null)
        {
            if (Environment.GetEnvironmentVariable("CHECKINBOT_REQUIRE_SERVICES") == "1")
            {
                throw new InvalidOperationException($"Bot Framework SDK test cannot run: {missing}, and CHECKINBOT_REQUIRE_SERVICES=1 forbids skipping it.");
            }

            Skip.If(true, $"Bot Framework SDK test skipped: {missing} (install Node.js, then run npm ci --prefix tools/teams-sdk-drive).");
        }

        // The driver's channel listens on a port chosen here, so that the bot may be told to answer it there.
        var channelPort = FreePort();
        await using var bot = await BotServer.StartAsync(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero), null,
            $"--Teams:AllowedServiceUrls:0=http://127.0.0.1:{channelPort}/");
        var start = new ProcessStartInfo(node!, ["drive.js", bot.Address.ToString(), channelPort.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = driver,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);

        var printed = await output + await errors;
        process.ExitCode.Should().Be(0, "the driver printed:\n{0}", printed);
        printed.Should().Contain("8 steps passed", "the scheduled update is the last step and needs the clock to move");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }


    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
