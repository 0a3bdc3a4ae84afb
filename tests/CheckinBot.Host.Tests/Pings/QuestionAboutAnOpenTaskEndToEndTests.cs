using CheckinBot.Host.Tests.Infrastructure;
using static CheckinBot.Host.Tests.Pings.PingAnswerEndToEndTests;

namespace CheckinBot.Host.Tests.Pings;

/// <summary>
/// Through the playground with the committed model: a yes/no question about one task, which its words alone do not make
/// a status check, is answered once the VA has that task open in her log.
/// </summary>
public class QuestionAboutAnOpenTaskEndToEndTests
{
    /// <summary>Friday 27 November 2026, 11:00 in Brussels.</summary>
    private static readonly DateTimeOffset FridayMorning = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    // p(status) 0.54 by its words alone with 362 corpora, 0.31 with 506 (above the open-task threshold, 0.25, and
    // below the status one, 0.76); "Dupont contract back from legal?" drifted to 1.00 as the corpora taught bare topics
    // as status checks.
    private const string Question = "is the Dupont contract with legal?";

    [Fact]
    public async Task A_question_about_an_open_task_is_answered_where_it_was_silent_before_the_task_was_logged()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);

        Replies(await bot.SayAsync("client", Question)).Should().BeEmpty("without an open task about it, its words alone are not clearly a status check");

        await bot.SayAsync("va", "/checkin start Dupont contract review");
        await bot.AdvanceAsync("PT31M");
        var answer = Replies(await bot.SayAsync("client", Question)).Should().ContainSingle().Subject;

        answer.Kind.Should().Be("ping-answer");
        answer.Text.Should().Contain("Dupont contract review");
    }
}
