using System.Text.Json;

namespace CheckinBot.Bench.Tests;

/// <summary>
/// The load generator's thread-pool workers block when they run out of work instead of spinning: spinning, they made
/// 100–130 context switches a request in the open loop (0.33 ms of the generator's CPU a request), on the cores the
/// system measured shares. The setting is in the generator's own runtime configuration, so it never reaches the systems.
/// </summary>
public sealed class TheGeneratorsPoolDoesNotSpin
{
    [Fact]
    public void The_generators_runtime_configuration_turns_the_pools_spinning_off()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "CheckinBot.Bench.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        properties.TryGetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", out var limit).Should().BeTrue();
        limit.GetInt32().Should().Be(0);
    }
}
