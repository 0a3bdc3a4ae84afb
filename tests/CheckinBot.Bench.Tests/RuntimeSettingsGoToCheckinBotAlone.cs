using CheckinBot.Bench.Peers;

namespace CheckinBot.Bench.Tests;

public sealed class RuntimeSettingsGoToCheckinBotAlone
{
    [Fact]
    public void EachHostEnvIsANameAndAValueForCheckinBotsProcess()
    {
        var options = PeersOptions.Parse(["--bot-only", "--host-env", "DOTNET_GCgen0size=0x4000000", "--host-env", "A=b=c", "--host-env", "broken"]);

        options.HostEnvironment.Should().BeEquivalentTo(new Dictionary<string, string> { ["DOTNET_GCgen0size"] = "0x4000000", ["A"] = "b=c" });
        PeersOptions.Parse(["--bot-only"]).HostEnvironment.Should().BeEmpty();
    }

    [Fact]
    public void SplitCoresIsAskedForByName()
    {
        PeersOptions.Parse(["--split-cores"]).SplitCores.Should().BeTrue();
        PeersOptions.Parse(["--quick"]).SplitCores.Should().BeFalse("the systems share every processor with the load generator unless asked");
    }

    [Fact]
    public void TheHostIsMeasuredInReleaseUnlessDebugIsAskedFor()
    {
        PeersOptions.Parse([]).Configuration.Should().Be("Release");
        PeersOptions.Parse(["--configuration", "Debug"]).Configuration.Should().Be("Debug", "Debug is what the README's run command builds");
        PeersOptions.Parse(["--configuration", "Fast"]).Configuration.Should().Be("Release", "only the two configurations the host has are taken");
        PeersOptions.Parse(["--configuration"]).Configuration.Should().Be("Release");
    }
}
