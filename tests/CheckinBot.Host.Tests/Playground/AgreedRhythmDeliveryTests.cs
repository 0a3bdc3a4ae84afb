using CheckinBot.Testing;
using CheckinBot.Host.Tests.Infrastructure;
using NodaTime;

namespace CheckinBot.Host.Tests.Playground;

/// <summary>The whole loop through the playground API: agree a rhythm, move the clock, read the transcript.</summary>
public class AgreedRhythmDeliveryTests
{
    private static readonly DateTimeZone Brussels = DateTimeZoneProviders.Tzdb["Europe/Brussels"];

    /// <summary>Friday 27 November 2026, 11:00 in Brussels.</summary>
    private static readonly DateTimeOffset FridayMorning = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Agreed_weekday_rhythm_posts_exactly_one_update_at_17_on_each_weekday_and_none_at_the_weekend()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);

        await bot.AdvanceAsync("P10DT8H");

        var updates = (await bot.TranscriptAsync()).Where(m => m.Kind == "update").ToList();
        updates.Select(LocalTimeOf).Should().Equal(
            "Fri 2026-11-27 17:00", "Mon 2026-11-30 17:00", "Tue 2026-12-01 17:00", "Wed 2026-12-02 17:00",
            "Thu 2026-12-03 17:00", "Fri 2026-12-04 17:00", "Mon 2026-12-07 17:00");
        updates.Should().OnlyContain(u => u.From == "bot" && u.VisibleTo == "all" && u.Conversation == "channel");
    }

    [Fact]
    public async Task The_VA_is_reminded_15_minutes_before_in_her_direct_conversation_with_her_draft()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);
        await bot.SayAsync("va", "/checkin draft PDF layout done, proof tomorrow 10:00.");

        await bot.AdvanceAsync("PT7H");

        var transcript = await bot.TranscriptAsync();
        var reminder = transcript.Single(m => m.Kind == "reminder");
        LocalTimeOf(reminder).Should().Be("Fri 2026-11-27 16:45");
        reminder.Conversation.Should().Be("dm-va");
        reminder.VisibleTo.Should().Be("va");
        reminder.Text.Should().Contain("PDF layout done");

        var update = transcript.Single(m => m.Kind == "update");
        update.Text.Should().Contain("PDF layout done, proof tomorrow 10:00.");
    }

    [Fact]
    public async Task Without_a_draft_the_update_says_honestly_that_none_was_written()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);

        await bot.AdvanceAsync("PT7H");

        var update = (await bot.TranscriptAsync()).Single(m => m.Kind == "update");
        update.Text.Should().Contain("Ina wrote no update for this moment.");
    }

    [Fact]
    public async Task A_restart_in_the_middle_loses_nothing_and_doubles_nothing()
    {
        using var dataFolder = new ScratchFolder("restart");
        await using (var first = await BotServer.StartAsync(FridayMorning, dataFolder.Path))
        {
            await AgreeWeekdaysAt17(first);
            await first.AdvanceAsync("P3DT7H"); // Monday 18:00
        }

        await using var second = await BotServer.StartAsync(FridayMorning, dataFolder.Path);
        await second.AdvanceAsync("P4D"); // Friday 18:00

        var updates = (await second.TranscriptAsync()).Where(m => m.Kind == "update").ToList();
        updates.Select(LocalTimeOf).Should().Equal(
            "Fri 2026-11-27 17:00", "Mon 2026-11-30 17:00", "Tue 2026-12-01 17:00", "Wed 2026-12-02 17:00",
            "Thu 2026-12-03 17:00", "Fri 2026-12-04 17:00");
    }

    [Fact]
    public async Task Across_the_spring_transition_the_update_stays_at_17_local()
    {
        // Thursday 25 March 2027; Brussels moves to summer time on Sunday the 28th.
        await using var bot = await BotServer.StartAsync(new DateTimeOffset(2027, 3, 25, 8, 0, 0, TimeSpan.Zero));
        await AgreeWeekdaysAt17(bot);

        await bot.AdvanceAsync("P6D");

        var updates = (await bot.TranscriptAsync()).Where(m => m.Kind == "update").ToList();
        updates.Select(LocalTimeOf).Should().Equal(
            "Thu 2027-03-25 17:00", "Fri 2027-03-26 17:00", "Mon 2027-03-29 17:00", "Tue 2027-03-30 17:00");
        updates.Select(u => u.At.Offset).Should().Equal(
            TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task Proposals_need_the_other_side()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await bot.SayAsync("va", "/checkin propose update weekdays 17:00");

        var own = await bot.SayAsync("va", "/checkin accept 1");
        own.GetProperty("replies")[0].GetProperty("text").GetString().Should().Contain("#1");
        own.GetProperty("replies")[0].GetProperty("visibleTo").GetString().Should().Be("va");

        await bot.AdvanceAsync("PT8H");
        (await bot.TranscriptAsync()).Should().NotContain(m => m.Kind == "update");
    }

    [Fact]
    public async Task A_counter_proposal_replaces_the_open_one_and_pause_until_a_date_holds_the_posts()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await bot.SayAsync("va", "/checkin propose update weekdays 17:00");
        var counter = await bot.SayAsync("client", "/checkin propose update weekdays 16:00");
        counter.GetProperty("replies")[0].GetProperty("text").GetString().Should().Contain("#1");
        await bot.SayAsync("va", "/checkin accept");

        // Pause Monday to Wednesday: back on Thursday 3 December.
        await bot.SayAsync("va", "/checkin pause all until 2026-12-03");
        await bot.AdvanceAsync("P7D");

        var updates = (await bot.TranscriptAsync()).Where(m => m.Kind == "update").ToList();
        updates.Select(LocalTimeOf).Should().Equal("Thu 2026-12-03 16:00");
        (await bot.TranscriptAsync()).Where(m => m.Kind == "reminder").Should().HaveCount(1, "paused days have no reminders either");
    }

    [Fact]
    public async Task Skip_next_leaves_out_one_occurrence()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);
        await bot.SayAsync("va", "/checkin skip next");

        await bot.AdvanceAsync("P3DT8H");

        var updates = (await bot.TranscriptAsync()).Where(m => m.Kind == "update").ToList();
        updates.Select(LocalTimeOf).Should().Equal("Mon 2026-11-30 17:00");
    }

    private static async Task AgreeWeekdaysAt17(BotServer bot)
    {
        var proposal = await bot.SayAsync("va", "/checkin propose update weekdays 17:00");
        proposal.GetProperty("replies")[0].GetProperty("kind").GetString().Should().Be("notice");
        var agreed = await bot.SayAsync("client", "/checkin accept");
        agreed.GetProperty("replies")[0].GetProperty("text").GetString().Should().StartWith("Agreed");
    }

    private static string LocalTimeOf(TranscriptLine line)
    {
        var local = Instant.FromDateTimeOffset(line.At).InZone(Brussels);
        return local.ToString("ddd uuuu-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }
}
