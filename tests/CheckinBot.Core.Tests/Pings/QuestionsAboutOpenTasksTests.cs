using CheckinBot.Core.Messages;
using CheckinBot.Core.Pings;

namespace CheckinBot.Core.Tests.Pings;

/// <summary>
/// A yes/no question about one of the VA's open tasks is a status check the words alone may not show; the responder
/// reads her open tasks' titles only when the classifier says they could change its verdict (each read is a store
/// round trip of the turn).
/// </summary>
public class QuestionsAboutOpenTasksTests
{
    [Fact]
    public async Task A_question_about_an_open_task_is_answered_after_one_read_of_the_open_tasks()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        world.Work.OpenWork = new OpenWork(["Invoices March", "Photographer booking"]);

        var answer = (await world.SayAsync("tom", "photographer confirmed?")).Should().ContainSingle().Subject;

        answer.Message.Kind.Should().Be(MessageKind.PingAnswer);
        world.Work.OpenWorkReads.Should().Be(1);
        world.Classifier.Seen.Select(s => s.OpenWork).Should().Equal(null, world.Work.OpenWork);
        world.Pings.All.Should().ContainSingle().Which.Class.Should().Be(PingClass.StatusCheck);
    }

    [Fact]
    public async Task The_same_question_about_no_open_task_gets_no_bot_message()
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        world.Work.OpenWork = new OpenWork(["Invoices March"]);

        (await world.SayAsync("tom", "photographer confirmed?")).Should().BeEmpty();

        world.Work.OpenWorkReads.Should().Be(1);
        world.Pings.All.Should().BeEmpty();
    }

    [Theory]
    [InlineData("any update?")]
    [InlineData("Thanks, looks great")]
    [InlineData("DRINGEND: de site ligt plat")]
    public async Task A_message_whose_verdict_open_work_cannot_change_reads_no_open_tasks(string text)
    {
        var world = new PingWorld();
        world.AgreeWeekdaysAt17();
        world.Work.OpenWork = new OpenWork(["Invoices March", "Photographer booking"]);

        await world.SayAsync("tom", text);

        world.Work.OpenWorkReads.Should().Be(0);
        world.Classifier.Seen.Should().ContainSingle().Which.OpenWork.Should().BeNull();
    }
}
