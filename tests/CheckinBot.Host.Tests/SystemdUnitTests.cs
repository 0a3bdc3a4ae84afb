namespace CheckinBot.Host.Tests;

/// <summary>The systemd unit in <c>deploy/</c> keeps its hardening lines.</summary>
public sealed class SystemdUnitTests
{
    private static List<string> ServiceLines()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var unit = Path.Combine(dir.FullName, "deploy", "systemd", "checkinbot.service");
            if (File.Exists(unit))
            {
                var lines = File.ReadAllLines(unit).Select(l => l.Trim()).ToList();
                var start = lines.IndexOf("[Service]");
                var end = lines.FindIndex(start + 1, l => l.StartsWith('['));
                return lines.GetRange(start + 1, (end < 0 ? lines.Count : end) - start - 1).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
            }
        }

        throw new InvalidOperationException("deploy/systemd/checkinbot.service was not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [InlineData("UMask=0077")]
    [InlineData("ProtectHome=true")]
    [InlineData("PrivateTmp=true")]
    [InlineData("CapabilityBoundingSet=")]
    [InlineData("RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6")]
    [InlineData("NoNewPrivileges=true")]
    [InlineData("ProtectSystem=strict")]
    [InlineData("User=checkinbot")]
    [InlineData("Environment=ASPNETCORE_ENVIRONMENT=Production")]
    public void TheServiceSectionHoldsTheHardeningLine(string line) => ServiceLines().Should().Contain(line);

    [Fact]
    public void NoLaterLineOverridesAHardeningSetting()
    {
        var keys = ServiceLines().Select(l => l.Split('=')[0]).Where(k => k is "UMask" or "ProtectHome" or "PrivateTmp" or "CapabilityBoundingSet"
            or "RestrictAddressFamilies" or "NoNewPrivileges" or "ProtectSystem" or "AmbientCapabilities");

        keys.Should().OnlyHaveUniqueItems().And.NotContain("AmbientCapabilities");
    }
}
