using System.Diagnostics;

namespace CheckinBot.PingTrain.Tests;

/// <summary>The tool itself, run as a process: a misuse prints its reason and the usage and exits with 2, before any corpus is read.</summary>
public class MisuseExitsTests
{
    [Theory]
    [InlineData("--evaluate --groups 1", "--groups needs a whole number of 2 or more, not \"1\"")]
    [InlineData("--l2 0.3", "other training options need --evaluate or --first")]
    public async Task A_misuse_exits_with_2_and_its_reason(string line, string reason)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "CheckinBot.PingTrain.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            // Outside the repository: a misuse is refused before the tool looks for it.
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(tool);
        foreach (var argument in line.Split(' '))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(2);
        (await error).Should().StartWith(reason).And.Contain("usage: dotnet run --project tools/CheckinBot.PingTrain");
        output.Should().BeEmpty();
    }
}
