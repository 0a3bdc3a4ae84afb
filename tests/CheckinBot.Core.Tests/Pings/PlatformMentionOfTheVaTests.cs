using CheckinBot.Core.Messages;
using CheckinBot.Core.Pings;

namespace CheckinBot.Core.Tests.Pings;

/// <summary>
/// A platform leaves a mention in the text as "&lt;@id&gt;" (Slack's form, and Teams' once its adapter rewrote it), so
/// the responder gives the classifier the VA's platform id beside her first name: a mention of her id is her addressed,
/// a mention of anyone else's is not.
/// </summary>
public class PlatformMentionOfTheVaTests
{
    [Fact]
    public async Task The_classifier_is_given_the_VAs_first_name_and_platform_id()
    {
        var world = new PingWorld();

        await world.SayAsync("tom", "<@ina> any news?");

        var addressees = world.Classifier.Seen.Should().ContainSingle().Subject.Addressees;
        addressees.Should().NotBeNull();
        addressees!.Names.Should().Equal("Ina");
        addressees.Ids.Should().Equal("ina");
    }

    [Fact]
    public async Task A_status_check_that_mentions_the_VAs_id_is_answered()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();

        var answer = (await world.SayAsync("tom", "<@ina> any news?")).Should().ContainSingle().Subject;

        answer.Message.Kind.Should().Be(MessageKind.PingAnswer);
        world.Pings.All.Should().ContainSingle().Which.Class.Should().Be(PingClass.StatusCheck);
    }

    [Fact]
    public async Task The_same_question_to_someone_elses_id_gets_nothing_and_is_not_counted()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();

        (await world.SayAsync("tom", "<@lotte> any news?")).Should().BeEmpty();

        world.Pings.All.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_a_stored_profile_the_VAs_id_is_still_given()
    {
        var world = new PingWorld();
        world.Collaborations.People.TryRemove((PingWorld.Platform, PingWorld.Workspace, "ina"), out _);

        await world.SayAsync("tom", "<@ina> any news?");

        var addressees = world.Classifier.Seen.Should().ContainSingle().Subject.Addressees!;
        addressees.Names.Should().BeEmpty();
        addressees.Ids.Should().Equal("ina");
    }
}
