using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace CheckinBot.Bench.Burst;

/// <summary>
/// A node the parent started: this benchmark's own executable with a node command. Its peak resident memory is read
/// from outside, from <c>/proc/&lt;pid&gt;/status</c> (VmHWM), as an operator would see it.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> errors = [];

    private NodeProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public static NodeProcess Start(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            // Started as `dotnet CheckinBot.Bench.dll`: the node is started the same way.
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var node = new NodeProcess(Process.Start(info) ?? throw new InvalidOperationException("The node did not start."));
        node.process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                lock (node.errors)
                {
                    node.errors.Add(text);
                }
            }
        };
        node.process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Reads the node's output until a line starts with <paramref name="prefix"/>, and returns the rest of it.</summary>
    public async Task<string> WaitForAsync(string prefix)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..];
            }
        }

        string tail;
        lock (errors)
        {
            tail = string.Join(Environment.NewLine, errors.TakeLast(20));
        }

        throw new InvalidOperationException($"The node ended without '{prefix.Trim()}':{Environment.NewLine}{tail}");
    }

    public async Task<NodeFigures> FiguresAsync() =>
        JsonSerializer.Deserialize<NodeFigures>(await WaitForAsync(NodeFigures.Prefix)) ?? throw new InvalidOperationException("No figures.");

    public Task SendAsync(string line) => process.StandardInput.WriteLineAsync(line);

    /// <summary>The peak resident set size the kernel recorded for the process (VmHWM), in bytes; -1 where there is no /proc.</summary>
    public long PeakResidentFromOutside()
    {
        var status = $"/proc/{process.Id}/status";
        if (!File.Exists(status))
        {
            return -1;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
