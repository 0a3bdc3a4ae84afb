using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Tests.Pings;

namespace CheckinBot.Core.Tests.Turns;

public sealed class IntroducingPeopleTests
{
    private readonly PingWorld world = new();

    [Fact]
    public async Task ASendersDirectoryProfileGivesThemTheirNameZoneAndLanguage()
    {
        world.People.Add(PingWorld.Workspace, new ChatPerson("maria", "Maria", "Asia/Manila", "en-US"));

        await world.CommandAsync("maria", "help", conversation: "C9");

        world.Collaborations.People[(PingWorld.Platform, PingWorld.Workspace, "maria")]
            .Should().BeEquivalentTo(new { DisplayName = "Maria", TimeZone = "Asia/Manila", Language = "en" });
    }

    [Fact]
    public async Task AKnownSenderWhoseProfileDidNotChangeCostsNoWrite()
    {
        world.People.Add(PingWorld.Workspace, new ChatPerson("maria", "Maria", "Asia/Manila", "en-US"));
        await world.CommandAsync("maria", "help", conversation: "C9");
        var writes = world.Collaborations.PersonWrites;

        await world.CommandAsync("maria", "help", conversation: "C9");
        await world.CommandAsync("maria", "status", conversation: "C9");

        world.Collaborations.PersonWrites.Should().Be(writes);
    }

    [Fact]
    public async Task WhatThePersonChoseStaysWhatThePlatformSaysOnlyFillsGaps()
    {
        world.People.Add(PingWorld.Workspace, new ChatPerson("ina", "Ina", "Europe/Paris", "fr"));

        await world.CommandAsync("ina", "help");

        world.Collaborations.People[(PingWorld.Platform, PingWorld.Workspace, "ina")]
            .Should().BeEquivalentTo(new { TimeZone = "Asia/Manila", Language = "en" });
    }

    [Fact]
    public async Task ASenderTheDirectoryCallsABotGetsNoAnswer()
    {
        world.People.Add(PingWorld.Workspace, new ChatPerson("B1", "Zapier", IsBot: true));

        var answers = await world.CommandAsync("B1", "help", conversation: "C9");

        answers.Should().BeEmpty();
        world.Collaborations.People.Should().NotContainKey((PingWorld.Platform, PingWorld.Workspace, "B1"));
    }

    [Fact]
    public async Task SetupMakesTheNamedClientKnownWithTheirDirectoryZoneAndLanguage()
    {
        world.People.Add(PingWorld.Workspace, new ChatPerson("pieter", "Pieter", "Europe/Brussels", "nl-BE"));
        await world.Collaborations.SavePersonAsync(new Person { Platform = PingWorld.Platform, WorkspaceId = PingWorld.Workspace, Id = "maria", DisplayName = "Maria", TimeZone = "Asia/Manila" }, default);

        await world.CommandAsync("maria", "setup <@pieter>", conversation: "C9");

        world.Collaborations.People[(PingWorld.Platform, PingWorld.Workspace, "pieter")]
            .Should().BeEquivalentTo(new { DisplayName = "Pieter", TimeZone = "Europe/Brussels", Language = "nl" });
        world.Collaborations.All.Single(c => c.ConversationId == "C9").Should().BeEquivalentTo(new { TimeZone = "Europe/Brussels", Language = "nl" });
    }

    [Fact]
    public async Task WithoutADirectoryTheSetupClientKeepsTheNameOfTheMention()
    {
        var turn = new ChatTurn
        {
            Platform = PingWorld.Platform, WorkspaceId = PingWorld.Workspace, ConversationId = "C9", Person = new ChatPerson("maria", "Maria"),
            Kind = TurnKind.Command, Text = "setup <@anna>", MentionedNames = new Dictionary<string, string> { ["anna"] = "Anna" },
        };

        await world.Router.HandleAsync(turn, default);

        world.Collaborations.People[(PingWorld.Platform, PingWorld.Workspace, "anna")].DisplayName.Should().Be("Anna");
    }
}
