using System.Text.Json;
using CheckinBot.Host.Tests.Infrastructure;

namespace CheckinBot.Host.Tests.Pings;

/// <summary>The ping answer through the playground API: the client asks, the bot answers for the VA.</summary>
public class PingAnswerEndToEndTests
{
    /// <summary>Friday 27 November 2026, 11:00 in Brussels.</summary>
    private static readonly DateTimeOffset FridayMorning = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_status_check_gets_a_ping_answer_in_the_thread_naming_the_next_update_in_the_clients_zone()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning, null, "--Playground:Client:Language=nl");
        await AgreeWeekdaysAt17(bot);
        await bot.SayAsync("client", "/checkin tz America/New_York");

        var replies = Replies(await bot.SayAsync("client", "hoe staat het ermee?"));

        var answer = replies.Should().ContainSingle().Subject;
        answer.Kind.Should().Be("ping-answer");
        answer.VisibleTo.Should().Be("all");
        answer.Text.Should().Contain("vandaag om 11:00").And.Contain("over 6 uur", "17:00 in Brussels is 11:00 in New York, six hours away");
        answer.Text.Should().Contain("Ina").And.Contain("dringend");
        var transcript = await bot.TranscriptAsync();
        var line = transcript[^1];
        line.Kind.Should().Be("ping-answer");
        line.Conversation.Should().Be("channel");
    }

    [Fact]
    public async Task The_answer_names_the_task_in_progress_and_the_focus_block_from_the_VAs_log()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning, null, "--Playground:Client:Language=nl");
        await AgreeWeekdaysAt17(bot);
        await bot.SayAsync("va", "/checkin start Newsletter PDF due thu");

        var answer = Replies(await bot.SayAsync("client", "hoe staat het ermee?")).Single();
        answer.Text.Should().Contain("Newsletter PDF").And.Contain("11:00", "she started at 11:00 Brussels time");

        await bot.SayAsync("va", "/checkin focus 2h");
        await bot.AdvanceAsync("PT31M");
        var focused = Replies(await bot.SayAsync("client", "al nieuws?")).Single();
        focused.Kind.Should().Be("ping-answer");
        focused.Text.Should().Contain("13:00", "her focus block runs until 13:00");
    }

    [Fact]
    public async Task A_second_ping_within_the_window_gets_only_an_acknowledgement_and_the_next_after_it_a_full_answer()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);

        Replies(await bot.SayAsync("client", "Any update?")).Select(r => r.Kind).Should().Equal("ping-answer");
        await bot.AdvanceAsync("PT13M");
        Replies(await bot.SayAsync("client", "how far are you?")).Select(r => r.Kind).Should().Equal("ping-ack");
        await bot.AdvanceAsync("PT18M");
        Replies(await bot.SayAsync("client", "any news on the newsletter?")).Select(r => r.Kind).Should().Equal("ping-answer");
    }

    [Fact]
    public async Task An_urgent_message_reaches_the_VA_at_once_and_the_client_is_told()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);

        var replies = Replies(await bot.SayAsync("client", "DRINGEND: de site ligt plat"));

        var alert = replies.Single(r => r.Kind == "urgent-alert");
        alert.VisibleTo.Should().Be("va");
        alert.Text.Should().Contain("DRINGEND: de site ligt plat").And.Contain("Tom");
        var told = replies.Single(r => r.Kind != "urgent-alert");
        told.VisibleTo.Should().Be("all");
        told.Text.Should().Contain("Ina");
        (await bot.TranscriptAsync()).Should().Contain(m => m.Kind == "urgent-alert" && m.Conversation == "dm-va");
    }

    [Fact]
    public async Task A_follow_up_moments_after_an_urgent_message_reaches_the_VA_too_and_later_on_it_does_not()
    {
        // Alone, the committed model gives this message a probability of urgency of about 0.06 (602 corpora), 0.03 (626),
        // 0.07 (662): under the bar of 0.20, over the bar of 0.02 that holds while an emergency is open
        // (Pings:UrgentFollowUpWindow, 10 minutes). Each retraining should probe it again.
        // "he is not picking up, try his mobile" was 0.06 with 530 corpora and 0.54 once 72 more fortnights, whose
        // emergencies' follow-ups are labelled urgent, were trained on.
        const string FollowUp = "Daan heeft de code";
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);
        await bot.SayAsync("client", "DRINGEND: de site ligt plat");
        await bot.AdvanceAsync("PT4M");

        var replies = Replies(await bot.SayAsync("client", FollowUp));

        var alert = replies.Single(r => r.Kind == "urgent-alert");
        alert.VisibleTo.Should().Be("va");
        alert.Text.Should().Contain("Tom").And.Contain(FollowUp);
        await bot.AdvanceAsync("PT11M");
        Replies(await bot.SayAsync("client", FollowUp)).Should().BeEmpty("eleven minutes after the last message passed on, the emergency is over");
    }

    [Fact]
    public async Task Answering_urgent_after_a_ping_answer_passes_the_question_on()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);
        await bot.SayAsync("client", "any update?");
        await bot.AdvanceAsync("PT5M");

        var replies = Replies(await bot.SayAsync("client", "yes, urgent!"));

        replies.Select(r => r.Kind).Should().Contain("urgent-alert");
        replies.Single(r => r.Kind == "urgent-alert").Text.Should().Contain("Tom");
    }

    [Theory]
    [InlineData("va", "Any update from Tom on the logo files?")]
    [InlineData("va", "DRINGEND: ik zie de bestanden niet")]
    [InlineData("client", "Vergeet de PDF niet in Arial 11!")]
    [InlineData("client", "Thanks, looks great")]
    public async Task The_VAs_own_messages_and_the_clients_instructions_get_no_bot_message_at_all(string from, string text)
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);
        var before = (await bot.TranscriptAsync()).Count;

        Replies(await bot.SayAsync(from, text)).Should().BeEmpty();

        (await bot.TranscriptAsync()).Skip(before).Should().OnlyContain(m => m.From != "bot");
    }

    [Fact]
    public async Task Without_an_agreed_rhythm_the_answer_says_so_and_suggests_agreeing_one()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);

        var answer = Replies(await bot.SayAsync("client", "any update?")).Should().ContainSingle().Subject;

        answer.Kind.Should().Be("ping-answer");
        answer.Text.Should().Contain("no agreed update moment").And.Contain("/checkin propose");
    }

    [Fact]
    public async Task During_a_pause_the_answer_gives_the_return_date()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);
        await bot.SayAsync("va", "/checkin pause all until 2026-12-03");

        var answer = Replies(await bot.SayAsync("client", "any update?")).Should().ContainSingle().Subject;

        answer.Kind.Should().Be("ping-answer");
        answer.Text.Should().Contain("paused").And.Contain("Thursday 3 December at 17:00");
    }

    [Fact]
    public async Task A_status_check_in_a_direct_message_is_answered_there()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);

        var answer = Replies(await bot.SayAsync("client", "Any update?", "direct")).Should().ContainSingle().Subject;

        answer.Kind.Should().Be("ping-answer");
        answer.VisibleTo.Should().Be("client");
    }

    [Fact]
    public async Task Health_shows_each_week_of_updates_pings_and_urgent_messages_to_both_sides()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);
        await bot.SayAsync("client", "any update?");
        await bot.AdvanceAsync("PT10M");
        await bot.SayAsync("client", "and?");
        await bot.SayAsync("client", "URGENT the shop is down!!");
        await bot.AdvanceAsync("P3DT7H"); // Monday 18:00: Friday's and Monday's updates are out.
        await bot.SayAsync("client", "status?");

        var health = Replies(await bot.SayAsync("client", "/checkin health")).Should().ContainSingle().Subject;

        health.VisibleTo.Should().Be("client");
        var lines = health.Text.Split('\n');
        lines.Should().Equal(
            "How the rhythm held, week by week",
            "This week — updates agreed: 1, on time: 1, late: 0, missed: 0. Questions between updates: 1 (1 answered by me). Urgent, passed on at once: 0.",
            "Week of 23 Nov — updates agreed: 1, on time: 1, late: 0, missed: 0. Questions between updates: 2 (1 answered by me). Urgent, passed on at once: 1.",
            "Trend: ▇▄ fewer check-ins needed each week.");

        var vaHealth = Replies(await bot.SayAsync("va", "/checkin gezondheid")).Should().ContainSingle().Subject;
        vaHealth.VisibleTo.Should().Be("va");
        vaHealth.Text.Should().StartWith("Hoe het ritme liep");
    }

    internal static async Task AgreeWeekdaysAt17(BotServer bot)
    {
        await bot.SayAsync("va", "/checkin propose update weekdays 17:00");
        var agreed = await bot.SayAsync("client", "/checkin accept");
        agreed.GetProperty("replies")[0].GetProperty("kind").GetString().Should().Be("notice");
    }

    internal static IReadOnlyList<PlaygroundReply> Replies(JsonElement body) =>
        body.GetProperty("replies").EnumerateArray()
            .Select(r => new PlaygroundReply(r.GetProperty("kind").GetString()!, r.GetProperty("visibleTo").GetString()!, r.GetProperty("text").GetString()!))
            .ToList();
}

internal sealed record PlaygroundReply(string Kind, string VisibleTo, string Text);
