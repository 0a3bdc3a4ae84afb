using CheckinBot.Core.Pings;
using CheckinBot.Pings.Features;
using CheckinBot.Pings.Rules;
using CheckinBot.Pings.Text;

namespace CheckinBot.Pings.Tests;

/// <summary>
/// Slack leaves a mention in the text as "&lt;@U0123ABC&gt;" (Teams' adapter rewrites its mentions to the same form).
/// Given the VA's platform id, the classifier reads a mention of her id as the corpora's "@Ina" and a mention of any other
/// id as their "@Tom": the same tokens and features, so training needs no rows in the platforms' form.
/// </summary>
public class PlatformMentionsReadLikeTypedMentionsTests
{
    private static readonly string[] Names = ["Ina"];
    private static readonly string[] Ids = ["U_INA"];

    [Theory]
    [InlineData("<@U_TOM> any news on the deck?", "@Tom any news on the deck?")]
    [InlineData("<@U_TOM|tom> any news on the deck?", "@Tom any news on the deck?")]
    [InlineData("can you ask <@U_TOM> for the keys?", "can you ask @Tom for the keys?")]
    [InlineData("<@U_INA> any news on the deck?", "@Ina any news on the deck?")]
    [InlineData("<@U_INA|ina> hoe ver sta je met de offerte?", "@Ina hoe ver sta je met de offerte?")]
    public void A_platform_mention_gives_the_features_of_the_typed_mention(string platform, string typed)
    {
        Features(platform, Names, Ids).Should().Equal(Features(typed, Names, []));
    }

    [Fact]
    public void A_mention_of_someone_elses_id_is_someone_else_and_does_not_address_the_VA()
    {
        var text = TextNormalizer.Normalize("<@U_TOM> any news?", Names, Ids);

        text.Tokens.Should().Equal("<someone>", "any", "news");
        text.StartsAddressed.Should().BeFalse();
    }

    [Fact]
    public void A_mention_of_the_VAs_id_addresses_her()
    {
        var text = TextNormalizer.Normalize("<@U_INA> any news?", Names, Ids);

        text.Tokens.Should().Equal("any", "news");
        text.StartsAddressed.Should().BeTrue();
    }

    [Fact]
    public void A_Teams_id_rewritten_by_its_adapter_is_told_the_same_way()
    {
        string[] ids = ["29:1aBcD-ina"];

        TextNormalizer.Normalize("<@29:1aBcD-ina> any news?", Names, ids).StartsAddressed.Should().BeTrue();
        TextNormalizer.Normalize("<@29:9xYz-tom> any news?", Names, ids).Tokens.Should().StartWith("<someone>");
    }

    [Fact]
    public void Without_the_VAs_ids_a_platform_mention_cannot_be_told_and_reads_as_her()
    {
        var text = TextNormalizer.Normalize("<@U_TOM> any news?", Names);

        text.Tokens.Should().Equal("any", "news");
        text.StartsAddressed.Should().BeTrue();
    }

    [Fact]
    public void The_committed_classifier_answers_the_VAs_mention_and_not_a_colleagues()
    {
        var addressees = new PingAddressees(Names, Ids);

        PingClassifiers.Committed.Classify("<@U_INA> any news on the deck?", addressees: addressees).Class.Should().Be(PingClass.StatusCheck);
        PingClassifiers.Committed.Classify("<@U_TOM> any news on the deck?", addressees: addressees).Class.Should().Be(PingClass.Other);
    }

    private static List<int> Features(string message, string[] names, string[] ids)
    {
        var text = TextNormalizer.Normalize(message, names, ids);
        var used = new bool[text.Tokens.Count];
        var rules = PingRules.Read(text, used);
        var features = new List<int>();
        PingFeatures.Extract(text, rules, used, features);
        return features;
    }
}
