using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CheckinBot.Testing.Processes;

/// <summary>
/// A published CheckinBot.Host started as its own process, as a container runs it: <c>dotnet CheckinBot.Host.dll</c> in the
/// publish folder, configured only through the environment. Shared with the start-up benchmark.
/// </summary>
public sealed class PublishedHost : IAsyncDisposable
{
    private readonly Process process;
    private readonly long started;
    private readonly Queue<string> output = new();

    private PublishedHost(Process process, long started, Uri address)
    {
        this.process = process;
        this.started = started;
        Address = address;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where the host was told to listen.</summary>
    public Uri Address { get; }

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join(Environment.NewLine, output);
            }
        }
    }

    /// <summary>CPU time the process has used so far (all threads, user and kernel).</summary>
    public TimeSpan ProcessorTime => process.TotalProcessorTime;

    /// <summary>Runs <c>dotnet publish</c> with the given arguments in a folder; throws with its output when it fails.</summary>
    public static async Task PublishAsync(string workingDirectory, string arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash", ["-c", arguments])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = publish.StandardError.ReadToEndAsync(cancellationToken);
        await publish.WaitForExitAsync(cancellationToken);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{arguments}' failed with {publish.ExitCode}:{Environment.NewLine}{await stdout}{await stderr}");
        }
    }

    /// <summary>A loopback port nothing listens on at the moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <c>dotnet CheckinBot.Host.dll</c> in <paramref name="publishFolder"/>, listening on loopback at <paramref name="port"/>.</summary>
    public static PublishedHost Start(string publishFolder, int port, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", ["CheckinBot.Host.dll"])
        {
            WorkingDirectory = publishFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var address = new Uri($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        var started = Stopwatch.GetTimestamp();
        return new PublishedHost(Process.Start(start)!, started, address);
    }

    /// <summary>Asks <c>/readyz</c> until it answers 200; returns the time from process start to that answer.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        while (Stopwatch.GetElapsedTime(started) < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host stopped with {process.ExitCode} before it was ready:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Stopwatch.GetElapsedTime(started);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"/readyz did not answer 200 within {timeout}:{Environment.NewLine}{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Enqueue(line);
            if (output.Count > 200)
            {
                output.Dequeue();
            }
        }
    }
}
