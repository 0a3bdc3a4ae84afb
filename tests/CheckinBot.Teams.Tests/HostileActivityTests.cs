using System.Net;
using System.Text.Json;
using CheckinBot.Core.Conversations;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Tests.Fakes;

namespace CheckinBot.Teams.Tests;

/// <summary>
/// Activities no channel would send: lone surrogates in the free-form parts (mentions, channel data, card values),
/// fields of the wrong JSON type, noncharacters. Each is read as absent or refused with a 400; none reaches a 500.
/// </summary>
public sealed class HostileActivityTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static ChatTurn? Read(string json) => TurnReader.Read(JsonSerializer.Deserialize<Activity>(json, Activity.Json)!, Today);

    private const string Place = """
        "type":"message","id":"1","channelId":"msteams","from":{"id":"29:1maria"},"recipient":{"id":"28:bot"},
        "conversation":{"id":"a:1","conversationType":"personal","tenantId":"t1"}
        """;

    [Fact]
    public void A_mention_with_a_lone_surrogate_is_no_mention_and_the_text_stays()
    {
        var turn = Read("{" + Place + ""","text":"<at>Bot</at> status","entities":[{"type":"mention","text":"<at>Bot\ud800</at>","mentioned":{"id":"28:bot","name":"B\udc00"}}]}""");

        turn!.Text.Should().Be("Bot status");
        turn.MentionedNames.Should().BeEmpty();
    }

    [Fact]
    public void A_tenant_with_a_lone_surrogate_in_channel_data_is_not_taken()
    {
        var turn = Read("{" + Place + ""","text":"status","channelData":{"tenant":{"id":"x\ud800"}}}""");

        turn!.WorkspaceId.Should().Be("t1");
    }

    [Fact]
    public void A_card_value_with_a_lone_surrogate_is_no_action()
    {
        var turn = Read("{" + Place + ""","value":{"action":"rhythm.accept\ud800","value":"1"}}""");

        turn!.Kind.Should().NotBe(TurnKind.Action);
    }

    [Fact]
    public void Entities_and_card_data_of_the_wrong_type_are_ignored()
    {
        var turn = Read("{" + Place + ""","text":"status","entities":[1,"x",[],{"type":"mention","mentioned":"everyone"},{"type":"clientInfo","timezone":{"a":1},"locale":7}]}""");

        turn!.Text.Should().Be("status");
        var invoke = Read("""{"type":"invoke","name":"adaptiveCard/action","id":"2","from":{"id":"29:1maria"},"conversation":{"id":"a:1"},"value":{"action":{"data":"x","verb":["rhythm.accept"]}}}""");
        invoke.Should().BeNull();
    }

    [Fact]
    public void Noncharacters_in_the_text_reach_the_core_as_replacement_characters()
    {
        var turn = Read("{" + Place + ""","text":"status \uFFFE\uFDD0"}""");

        turn!.Text.Should().Be("status \uFFFD\uFFFD");
    }

    [Theory]
    [InlineData(""","text":"<at>Bot</at> help","entities":[{"type":"mention","text":"<at>Bot</at>","mentioned":{"id":"28:bot\ud800"}}]""")]
    [InlineData(""","text":"help","channelData":{"tenant":{"id":"\udfff"}}""")]
    [InlineData(""","value":{"action":"\ud800","value":"\ud800"}""")]
    [InlineData(""","text":"help \uFFFE","locale":"nl" """)]
    [InlineData(""","text":"help","entities":"all","locale":"nl" """)]
    [InlineData(""","text":"help","id":7""")]
    public async Task Hostile_activities_with_a_valid_token_never_get_a_500(string rest)
    {
        await using var host = await TeamsTestHost.StartAsync();
        var activity = """{"type":"message","channelId":"msteams","serviceUrl":""" + JsonSerializer.Serialize(host.Connector.ServiceUrl) +
            ""","from":{"id":"29:1maria"},"recipient":{"id":"28:bot"},"conversation":{"id":"a:1","conversationType":"personal","tenantId":"t1"}""" + rest + "}";

        using var response = await host.PostAsync(activity);

        ((int)response.StatusCode).Should().BeInRange(200, 499);
        response.StatusCode.Should().NotBe(HttpStatusCode.Unauthorized, "the token is valid; the body is what is hostile");
    }
}
