using System.Net;
using CheckinBot.Testing.Processes;

namespace CheckinBot.Host.Tests.Cluster;

/// <summary>
/// One node: the built CheckinBot.Host run as its own process (<c>dotnet CheckinBot.Host.dll</c>), configured only through
/// the environment, on a loopback port of its own.
/// </summary>
public sealed class HostNode : IAsyncDisposable
{
    private readonly PublishedHost process;
    private readonly HttpClient client;
    private bool killed;

    private HostNode(string name, PublishedHost process)
    {
        Name = name;
        this.process = process;
        client = new HttpClient { BaseAddress = process.Address, Timeout = TimeSpan.FromSeconds(5) };
    }

    public string Name { get; }

    public Uri Address => process.Address;

    public string Output => process.Output;

    /// <summary>Where the built host is: CheckinBot.Host's own output folder, of the configuration these tests were built in.</summary>
    public static string BuildFolder { get; } = FindBuild();

    public static HostNode Start(string name, IReadOnlyDictionary<string, string> environment) =>
        new(name, PublishedHost.Start(BuildFolder, PublishedHost.FreePort(), environment));

    /// <summary>Asks <c>/readyz</c> until it answers 200; a busy machine may leave a single answer waiting for seconds.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var until = TimeProvider.System.GetUtcNow() + timeout;
        while (await ReadinessAsync() != HttpStatusCode.OK)
        {
            if (TimeProvider.System.GetUtcNow() > until)
            {
                throw new TimeoutException($"{Name}: /readyz did not answer 200 within {timeout}:{Environment.NewLine}{Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>What <c>/readyz</c> answers now; null when nothing answers.</summary>
    public async Task<HttpStatusCode?> ReadinessAsync()
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary><c>kill -9</c>: the process ends at once, in the middle of whatever it was doing.</summary>
    public async Task KillAsync()
    {
        killed = true;
        await process.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        if (!killed)
        {
            await KillAsync();
        }
    }

    private static string FindBuild()
    {
        // The tests run from tests/CheckinBot.Host.Tests/bin/<configuration>/<framework>/.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!;
        var root = configuration.Parent!.Parent!.Parent!.Parent!;
        var own = Path.Combine(root.FullName, "src", "CheckinBot.Host", "bin", configuration.Name, framework.Name);
        return File.Exists(Path.Combine(own, "CheckinBot.Host.dll")) ? own : AppContext.BaseDirectory;
    }
}
