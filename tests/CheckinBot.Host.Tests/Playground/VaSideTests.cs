using CheckinBot.Host.Tests.Infrastructure;
using NodaTime;

namespace CheckinBot.Host.Tests.Playground;

/// <summary>
/// The VA's side through the playground API: task log, drafts, composed updates, pauses, status, focus, export, forget.
/// Ina (the VA) writes Dutch; Tom (the client) and the collaboration write English; both live in Brussels.
/// </summary>
public class VaSideTests
{
    private static readonly DateTimeZone Brussels = DateTimeZoneProviders.Tzdb["Europe/Brussels"];

    /// <summary>Friday 27 November 2026, 11:00 in Brussels.</summary>
    private static readonly DateTimeOffset FridayMorning = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_update_holds_the_draft_and_without_one_is_composed_from_the_task_log_since_the_last_update()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);
        await bot.SayAsync("va", "/checkin start Invoices November");
        await bot.SayAsync("va", "/checkin done invoices");
        await bot.SayAsync("va", "/checkin start Newsletter PDF due thu");
        await bot.SayAsync("va", "/checkin draft PDF layout done, proof tomorrow 10:00.");

        await bot.AdvanceAsync("PT7H"); // Friday 18:00
        var friday = (await bot.TranscriptAsync()).Single(m => m.Kind == "update");
        friday.Text.Should().Contain("PDF layout done, proof tomorrow 10:00.");
        friday.Text.Should().NotContain("Invoices November", "the draft is the update");

        await bot.AdvanceAsync("P2DT17H"); // Monday 11:00
        await bot.SayAsync("va", "/checkin progress news 60%");
        await bot.SayAsync("va", "/checkin start Logo refresh");
        await bot.SayAsync("va", "/checkin block logo waiting for the files from Tom");
        await bot.SayAsync("va", "/checkin plan Blog post due fri");
        await bot.AdvanceAsync("PT7H"); // Monday 18:00

        var monday = (await bot.TranscriptAsync()).Where(m => m.Kind == "update").Should().HaveCount(2).And.Subject.Last();
        LocalTimeOf(monday).Should().Be("Mon 2026-11-30 17:00");
        monday.Text.Should().Contain("Update from Ina — Monday 30 November");
        monday.Text.Should().Contain("🔄 In progress: Newsletter PDF (60%, due Thursday)");
        monday.Text.Should().Contain("⛔ Waiting: Logo refresh — waiting for the files from Tom");
        monday.Text.Should().Contain("⏭ Next up: Blog post (due Friday)");
        monday.Text.Should().Contain("Next update: tomorrow at 17:00");
        monday.Text.Should().NotContain("Invoices November", "it was done before the last update");
        monday.Text.Should().NotContain("PDF layout done", "a posted draft is not posted twice");
    }

    [Fact]
    public async Task An_empty_log_gives_one_honest_line_and_the_reminder_shows_what_will_be_posted()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);
        await bot.AdvanceAsync("PT7H");

        var update = (await bot.TranscriptAsync()).Single(m => m.Kind == "update");
        update.Text.Split('\n').Should().Equal("Update from Ina — Friday 27 November", "Ina wrote no update for this moment.", "Next update: Monday 30 November at 17:00");

        await bot.SayAsync("va", "/checkin start Newsletter PDF due tue");
        await bot.AdvanceAsync("P2DT23H"); // Monday 17:00
        var reminder = (await bot.TranscriptAsync()).Where(m => m.Kind == "reminder").Last();
        LocalTimeOf(reminder).Should().Be("Mon 2026-11-30 16:45");
        reminder.Conversation.Should().Be("dm-va");
        reminder.Text.Should().Contain("Nog geen concept").And.Contain("🔄 Bezig: Newsletter PDF (deadline morgen)");
    }

    [Fact]
    public async Task A_pause_over_a_holiday_posts_nothing_in_the_range_tells_the_client_once_and_posts_again_after_it()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);

        var pause = await bot.SayAsync("va", "/checkin pause all until 2026-12-03");
        var notice = pause.GetProperty("replies").EnumerateArray().Should().ContainSingle().Subject;
        notice.GetProperty("visibleTo").GetString().Should().Be("all");
        notice.GetProperty("text").GetString().Should().Be(
            "Updates from Ina take a short break. The first one after it comes Thursday 3 December at 17:00. Thank you for your patience!");

        var next = await bot.SayAsync("client", "/checkin next");
        next.GetProperty("replies")[0].GetProperty("text").GetString().Should().StartWith("Next update: Thursday 3 December at 17:00");

        await bot.AdvanceAsync("P8D"); // Saturday 5 December 11:00

        var transcript = await bot.TranscriptAsync();
        transcript.Where(m => m.Kind == "update").Select(LocalTimeOf).Should().Equal("Thu 2026-12-03 17:00", "Fri 2026-12-04 17:00");
        transcript.Where(m => m.Kind == "reminder").Select(LocalTimeOf).Should().Equal("Thu 2026-12-03 16:45", "Fri 2026-12-04 16:45");
        transcript.Where(m => m.Kind == "notice" && m.Text.Contains("short break", StringComparison.Ordinal)).Should().ContainSingle();
    }

    [Fact]
    public async Task Status_names_the_task_in_progress_the_last_update_and_the_next_update_time()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);
        await bot.SayAsync("va", "/checkin start Newsletter PDF due thu");
        await bot.AdvanceAsync("PT1H"); // Friday 12:00
        await bot.SayAsync("va", "/checkin progress newsletter 40");

        var status = await bot.SayAsync("client", "/checkin status");
        var reply = status.GetProperty("replies")[0];
        reply.GetProperty("visibleTo").GetString().Should().Be("client");
        reply.GetProperty("text").GetString()!.Split('\n').Should().Equal(
            "Ina is working on ‘Newsletter PDF’ since today at 11:00 (40% done, due Thursday).",
            "No update has been posted yet.",
            "Next update: today at 17:00 (in 5 hours).");

        await bot.AdvanceAsync("PT6H"); // Friday 18:00
        status = await bot.SayAsync("client", "/checkin status");
        status.GetProperty("replies")[0].GetProperty("text").GetString()!.Split('\n')[1]
            .Should().Be("Last update: today at 17:00 — 🔄 In progress: Newsletter PDF (40%, due Thursday)");

        var next = await bot.SayAsync("client", "/checkin next");
        next.GetProperty("replies")[0].GetProperty("text").GetString().Should().Be("Next update: Monday 30 November at 17:00 (in 3 days).");
    }

    [Fact]
    public async Task Focus_holds_the_reminder_until_it_ends_and_only_the_VA_can_log_tasks()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);
        await bot.AdvanceAsync("PT5H35M"); // Friday 16:35

        var focus = await bot.SayAsync("va", "/checkin focus 20m");
        focus.GetProperty("replies")[0].GetProperty("text").GetString().Should().Contain("16:55");
        var refused = await bot.SayAsync("client", "/checkin start Something");
        refused.GetProperty("replies")[0].GetProperty("text").GetString().Should().Be("Only the VA can do that.");

        await bot.AdvanceAsync("PT1H");

        var reminder = (await bot.TranscriptAsync()).Single(m => m.Kind == "reminder");
        LocalTimeOf(reminder).Should().Be("Fri 2026-11-27 16:55");
    }

    [Fact]
    public async Task Export_hands_the_requester_rhythms_with_their_trail_occurrences_and_tasks_as_JSON_and_CSV()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);
        await bot.SayAsync("va", "/checkin start Newsletter PDF due thu");
        await bot.AdvanceAsync("PT7H");

        // The VA's: a client's export leaves her task log out (ClientExportTests).
        var export = await bot.SayAsync("va", "/checkin export");
        var reply = export.GetProperty("replies")[0];
        reply.GetProperty("visibleTo").GetString().Should().Be("va");
        var text = reply.GetProperty("text").GetString()!;
        text.Should().Contain("1 ritmes met hun geschiedenis, 1 momenten en 1 taken");
        text.Should().Contain("\"auditTrail\"").And.Contain("\"action\": \"Accepted\"").And.Contain("\"by\": \"client\"");
        text.Should().Contain("\"title\": \"Newsletter PDF\"").And.Contain("\"due\": \"2026-12-03\"");
        text.Should().Contain("rhythm,kind,due,status,posted_at,late,summary");
        // Posted at the moment the platform confirmed it: on time, within the due second.
        text.Should().MatchRegex(@"1,Update,2026-11-27T16:00:00Z,Posted,2026-11-27T16:00:00(\.\d+)?Z,false,");
    }

    [Fact]
    public async Task Forget_asks_first_then_removes_the_person_and_anonymises_them_in_the_other_sides_records()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);

        var ask = await bot.SayAsync("client", "/checkin forget");
        ask.GetProperty("replies")[0].GetProperty("text").GetString().Should().Contain("/checkin forget confirm");
        var done = await bot.SayAsync("client", "/checkin forget confirm");
        done.GetProperty("replies")[0].GetProperty("text").GetString().Should().StartWith("Done: I have forgotten you.");

        var export = (await bot.SayAsync("va", "/checkin export")).GetProperty("replies")[0].GetProperty("text").GetString()!;
        export.Should().NotContain("\"client\"").And.Contain("\"by\": \"forgotten-");
        export.Should().Contain("\"action\": \"Accepted\"", "the agreement itself stays");

        var status = await bot.SayAsync("client", "/checkin status");
        status.GetProperty("replies")[0].GetProperty("text").GetString().Should().Be("Only the VA and the client of this collaboration can do that.");
    }

    [Fact]
    public async Task Post_now_sends_the_next_update_at_once_and_not_again_at_its_time()
    {
        await using var bot = await BotServer.StartAsync(FridayMorning);
        await AgreeWeekdaysAt17(bot);
        await bot.SayAsync("va", "/checkin draft Everything for today is done.");

        var posted = await bot.SayAsync("va", "/checkin post now");
        posted.GetProperty("replies")[0].GetProperty("text").GetString().Should().Be("Je update is nu gepost.");
        var next = await bot.SayAsync("client", "/checkin next");
        next.GetProperty("replies")[0].GetProperty("text").GetString().Should().StartWith("Next update: Monday 30 November at 17:00");

        await bot.AdvanceAsync("PT8H");

        var updates = (await bot.TranscriptAsync()).Where(m => m.Kind == "update").ToList();
        updates.Should().ContainSingle().Which.Text.Should().Contain("Everything for today is done.");
        LocalTimeOf(updates[0]).Should().Be("Fri 2026-11-27 11:00");
        (await bot.TranscriptAsync()).Should().NotContain(m => m.Kind == "reminder");
    }

    private static async Task AgreeWeekdaysAt17(BotServer bot)
    {
        await bot.SayAsync("va", "/checkin propose update weekdays 17:00");
        var agreed = await bot.SayAsync("client", "/checkin accept");
        agreed.GetProperty("replies")[0].GetProperty("text").GetString().Should().StartWith("Agreed");
    }

    private static string LocalTimeOf(TranscriptLine line) =>
        Instant.FromDateTimeOffset(line.At).InZone(Brussels).ToString("ddd uuuu-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
