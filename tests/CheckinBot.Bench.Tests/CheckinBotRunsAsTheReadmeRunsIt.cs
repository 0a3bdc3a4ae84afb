using CheckinBot.Bench.Peers;

namespace CheckinBot.Bench.Tests;

public sealed class CheckinBotRunsAsTheReadmeRunsIt
{
    [Fact]
    public void TheBenchGivesCheckinBotTheLaunchProfilesEnvironment()
    {
        var root = Systems.FindRoot();
        root.Should().NotBeNull("the tests run inside the repository");

        var environment = LaunchProfile.EnvironmentIn(root!);

        environment.Should().Contain("ASPNETCORE_ENVIRONMENT", "Development", "`dotnet run` gives the process the launch profile's environment, and the bench measures that process");
    }

    [Fact]
    public void EveryVariableOfTheProfileIsRead()
    {
        var root = Directory.CreateTempSubdirectory("launch-profile-").FullName;
        try
        {
            var properties = Directory.CreateDirectory(Path.GetDirectoryName(LaunchProfile.PathIn(root))!);
            File.WriteAllText(Path.Combine(properties.FullName, "launchSettings.json"),
                """{ "profiles": { "CheckinBot": { "environmentVariables": { "A": "1", "DOTNET_GCgen0size": "0x400000", "B": 2 } } } }""");

            LaunchProfile.EnvironmentIn(root).Should().BeEquivalentTo(new Dictionary<string, string> { ["A"] = "1", ["DOTNET_GCgen0size"] = "0x400000", ["B"] = "2" });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void AMissingProfileIsNamedRatherThanRunWithout()
    {
        var root = Directory.CreateTempSubdirectory("launch-profile-").FullName;
        try
        {
            var properties = Directory.CreateDirectory(Path.GetDirectoryName(LaunchProfile.PathIn(root))!);
            File.WriteAllText(Path.Combine(properties.FullName, "launchSettings.json"), """{ "profiles": { "Other": {} } }""");

            var read = () => LaunchProfile.EnvironmentIn(root);

            read.Should().Throw<InvalidOperationException>().WithMessage("*launchSettings.json has no profile \"CheckinBot\"*");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
