using System.Text.Json;
using CheckinBot.Testing;

namespace CheckinBot.Teams.Tests;

/// <summary>The Teams app package in deploy/teams holds what Teams requires.</summary>
public sealed class AppPackageTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "deploy", "teams");


    [Fact]
    public void TheManifestPutsTheBotInEveryScopeWithCommandsAndMessageConsent()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        var root = manifest.RootElement;

        foreach (var required in new[] { "manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor", "bots", "validDomains" })
        {
            root.TryGetProperty(required, out _).Should().BeTrue(required + " is required");
        }

        var bot = root.GetProperty("bots")[0];
        bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Should().BeEquivalentTo("personal", "team", "groupChat");
        foreach (var list in bot.GetProperty("commandLists").EnumerateArray())
        {
            var commands = list.GetProperty("commands").EnumerateArray().ToList();
            commands.Should().HaveCountLessThanOrEqualTo(10);
            commands.Should().OnlyContain(c => c.GetProperty("title").GetString()!.Length <= 32 && c.GetProperty("description").GetString()!.Length <= 128);
        }

        root.GetProperty("description").GetProperty("short").GetString()!.Length.Should().BeLessThanOrEqualTo(80);
        root.GetProperty("authorization").GetProperty("permissions").GetProperty("resourceSpecific").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).Should().BeEquivalentTo("ChannelMessage.Read.Group", "ChatMessage.Read.Chat");
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void TheIconsHaveTheirSizes(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));

        bytes.AsSpan(1, 3).ToArray().Should().Equal("PNG"u8.ToArray());
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)).Should().Be(size);
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)).Should().Be(size);
        bytes[25].Should().Be(6, "RGBA, so the outline can be transparent");
    }
}
