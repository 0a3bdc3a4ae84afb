using System.Text.Json;

namespace CheckinBot.Deploy.Tests;

/// <summary>
/// Runtime settings that the runtime reads from the environment only (not from runtimeconfig.json) are set wherever the
/// process starts: the launch profile (`dotnet run`, the README), the image, the systemd unit.
/// </summary>
public class RuntimeSettingsAreTheSameWhereverTheBotStartsTests
{
    private const string Gen0Budget = "DOTNET_GCgen0size";

    [Fact]
    public void The_image_and_the_systemd_unit_set_the_launch_profiles_gen0_budget()
    {
        var profile = LaunchProfileEnvironment();
        profile.Should().ContainKey(Gen0Budget);
        var budget = profile[Gen0Budget];
        Convert.ToInt64(budget, 16).Should().BeInRange(1 << 20, 64 << 20, "a gen0 budget is a size in bytes, written in hex");

        Dockerfile.Load().Runtime.Environment.Should().Contain(Gen0Budget, budget);
        Repository.Read("deploy/systemd/checkinbot.service").Split('\n').Should().Contain($"Environment={Gen0Budget}={budget}");
    }

    private static Dictionary<string, string> LaunchProfileEnvironment()
    {
        using var json = JsonDocument.Parse(Repository.Read("src/CheckinBot.Host/Properties/launchSettings.json"));
        return json.RootElement.GetProperty("profiles").GetProperty("CheckinBot").GetProperty("environmentVariables")
            .EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetString() ?? "");
    }
}
