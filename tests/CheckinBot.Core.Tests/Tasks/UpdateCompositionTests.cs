using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Tasks;
using CheckinBot.Core.Turns;
using NodaTime;

namespace CheckinBot.Core.Tests.Tasks;

public class UpdateCompositionTests
{
    private static readonly DateTimeZone Brussels = DateTimeZoneProviders.Tzdb["Europe/Brussels"];

    /// <summary>Tuesday 1 December 2026, 17:00 in Brussels.</summary>
    private static readonly Instant TuesdayAt17 = new LocalDateTime(2026, 12, 1, 17, 0).InZoneStrictly(Brussels).ToInstant();

    private static readonly Instant MondayAt17 = TuesdayAt17 - Duration.FromDays(1);

    private static Collaboration Collaboration(string language = "en") => new()
    {
        Id = Guid.NewGuid(), Platform = "playground", WorkspaceId = "w", ConversationId = "c", VaId = "ina", ClientIds = ["tom"],
        TimeZone = "Europe/Brussels", Language = language,
    };

    private static Rhythm Agreed(Collaboration collaboration, RhythmKind kind, Days days, int hour)
    {
        var rhythm = Rhythm.Propose(collaboration.Id, 1, kind, days, new LocalTime(hour, 0), "Europe/Brussels", "ina", Side.Va, MondayAt17 - Duration.FromDays(7));
        rhythm.Accept("tom", Side.Client, MondayAt17 - Duration.FromDays(7));
        return rhythm;
    }

    private static WorkTask Task(Collaboration collaboration, string title, TaskState state, Instant at, int progress = 0, LocalDate? due = null, string? reason = null)
    {
        var task = WorkTask.New(collaboration.Id, title, TaskState.Planned, at);
        task.Due = due;
        switch (state)
        {
            case TaskState.Started:
                task.Start(at);
                task.Progress = progress;
                break;
            case TaskState.Blocked:
                task.Block(reason ?? "", at);
                break;
            case TaskState.Done:
                task.Finish(at);
                break;
        }

        return task;
    }

    [Fact]
    public void Without_a_draft_the_update_lists_done_in_progress_blocked_and_next_up_since_the_last_update()
    {
        var c = Collaboration();
        var tasks = new List<WorkTask>
        {
            Task(c, "Invoices October", TaskState.Done, MondayAt17 - Duration.FromHours(2)),
            Task(c, "Invoices November", TaskState.Done, TuesdayAt17 - Duration.FromHours(5)),
            Task(c, "Newsletter PDF", TaskState.Started, TuesdayAt17 - Duration.FromHours(8), 60, new LocalDate(2026, 12, 3)),
            Task(c, "Logo", TaskState.Blocked, TuesdayAt17 - Duration.FromHours(3), reason: "logo files from Tom"),
            Task(c, "Blog post", TaskState.Planned, TuesdayAt17 - Duration.FromHours(3), due: new LocalDate(2026, 12, 4)),
        };

        var message = UpdateComposer.Compose(c, Agreed(c, RhythmKind.Update, Days.Weekdays, 17), "Ina", null, new WorkLog(tasks, MondayAt17), TuesdayAt17, late: false);

        message.Kind.Should().Be(MessageKind.Update);
        message.Title.Should().Be("Update from Ina — Tuesday 1 December");
        message.Lines.Should().Equal(
            "✅ Done: Invoices November",
            "🔄 In progress: Newsletter PDF (60%, due Thursday)",
            "⛔ Waiting: Logo — logo files from Tom",
            "⏭ Next up: Blog post (due Friday)",
            "Next update: tomorrow at 17:00");
    }

    [Fact]
    public void The_update_is_composed_in_the_collaborations_language()
    {
        var c = Collaboration("nl");
        var tasks = new List<WorkTask> { Task(c, "Nieuwsbrief", TaskState.Started, TuesdayAt17 - Duration.FromHours(1), 30) };

        var message = UpdateComposer.Compose(c, Agreed(c, RhythmKind.Update, Days.Weekdays, 17), "Ina", null, new WorkLog(tasks, null), TuesdayAt17, false);

        message.Title.Should().Be("Update van Ina — dinsdag 1 december");
        message.Lines[0].Should().Be("🔄 Bezig: Nieuwsbrief (30%)");
    }

    [Fact]
    public void An_empty_log_gives_one_honest_line()
    {
        var c = Collaboration();

        var message = UpdateComposer.Compose(c, Agreed(c, RhythmKind.Update, Days.Weekdays, 17), "Ina", null, WorkLog.Empty, TuesdayAt17, false);

        message.Lines.Should().Equal("Ina wrote no update for this moment.", "Next update: tomorrow at 17:00");
    }

    [Fact]
    public void A_draft_is_the_update_and_a_deadline_within_a_day_is_still_named()
    {
        var c = Collaboration();
        var tasks = new List<WorkTask> { Task(c, "Newsletter PDF", TaskState.Started, MondayAt17, 80, new LocalDate(2026, 12, 2)) };

        var message = UpdateComposer.Compose(c, Agreed(c, RhythmKind.Update, Days.Weekdays, 17), "Ina", "PDF layout done.\nProof tomorrow.", new WorkLog(tasks, MondayAt17), TuesdayAt17, false);

        message.Lines.Should().Equal("PDF layout done.", "Proof tomorrow.", "⏰ Newsletter PDF is due tomorrow.", "Next update: tomorrow at 17:00");
    }

    [Fact]
    public void A_plan_across_a_week_is_posted_on_Monday_and_the_last_update_of_the_week_shows_which_items_are_done()
    {
        var c = Collaboration();
        var plan = Agreed(c, RhythmKind.Plan, Days.Monday, 9);
        var update = Agreed(c, RhythmKind.Update, Days.Weekdays, 17);
        var mondayAt9 = new LocalDateTime(2026, 11, 30, 9, 0).InZoneStrictly(Brussels).ToInstant();
        var newsletter = Task(c, "Newsletter PDF", TaskState.Planned, mondayAt9 - Duration.FromHours(1), due: new LocalDate(2026, 12, 3));
        var invoices = Task(c, "Invoices", TaskState.Planned, mondayAt9 - Duration.FromHours(1));
        newsletter.InPlan = invoices.InPlan = true;
        var tasks = new List<WorkTask> { newsletter, invoices };

        var posted = UpdateComposer.Compose(c, plan, "Ina", null, new WorkLog(tasks, null), mondayAt9, false);
        posted.Kind.Should().Be(MessageKind.Plan);
        posted.Title.Should().Be("Week plan from Ina — Monday 30 November");
        posted.Lines.Should().StartWith(["⬜ Newsletter PDF (due Thursday)", "⬜ Invoices"]);

        newsletter.Finish(TuesdayAt17 + Duration.FromDays(2));
        var thursday = TuesdayAt17 + Duration.FromDays(2);
        var friday = TuesdayAt17 + Duration.FromDays(3);
        UpdateComposer.Compose(c, update, "Ina", "Thursday draft", new WorkLog(tasks, TuesdayAt17), thursday, false)
            .Lines.Should().NotContain(l => l.StartsWith("Week plan", StringComparison.Ordinal));

        var lastOfWeek = UpdateComposer.Compose(c, update, "Ina", "Friday draft", new WorkLog(tasks, thursday), friday, false);
        lastOfWeek.Lines.Should().Equal("Friday draft", "Week plan: 1 of 2 done.", "✅ Newsletter PDF", "⬜ Invoices", "Next update: Monday 7 December at 17:00");
    }

    [Fact]
    public void The_reminder_shows_the_draft_with_Post_now_Edit_Snooze_and_Skip()
    {
        var c = Collaboration();
        var occurrence = Guid.NewGuid();
        var va = new Person { Platform = "playground", WorkspaceId = "w", Id = "ina", Language = "en", TimeZone = "Europe/Brussels" };

        var message = UpdateComposer.Reminder(va, c, Agreed(c, RhythmKind.Update, Days.Weekdays, 17), "Tom", "PDF layout done.", WorkLog.Empty,
            occurrence, TuesdayAt17, TuesdayAt17 - Duration.FromMinutes(15));

        message.Lines.Should().Equal("Your update for Tom goes out in 15 minutes (today at 17:00).", "Draft: \"PDF layout done.\"");
        message.Buttons.Select(b => b.ActionId).Should().Equal(ActionIds.PostNow, ActionIds.EditDraft, ActionIds.Snooze, ActionIds.SkipOne);
        message.Buttons.Select(b => b.Label).Should().Equal("Post now", "Edit", "30 min later", "Skip this one");
        message.Buttons.Should().OnlyContain(b => b.Value == occurrence.ToString("N"));
    }

    [Fact]
    public void Without_a_draft_the_reminder_shows_what_will_be_composed_or_that_there_is_nothing()
    {
        var c = Collaboration();
        var va = new Person { Platform = "playground", WorkspaceId = "w", Id = "ina", Language = "en", TimeZone = "Europe/Brussels" };
        var rhythm = Agreed(c, RhythmKind.Update, Days.Weekdays, 17);
        var tasks = new List<WorkTask> { Task(c, "Newsletter PDF", TaskState.Started, MondayAt17, 60) };

        var composed = UpdateComposer.Reminder(va, c, rhythm, "Tom", null, new WorkLog(tasks, MondayAt17), Guid.NewGuid(), TuesdayAt17, TuesdayAt17 - Duration.FromMinutes(15));
        composed.Lines.Skip(1).Should().Equal(
            "No draft yet, so I'll post this from your task log (or write one with /checkin draft <text>):",
            "🔄 In progress: Newsletter PDF (60%)");

        var empty = UpdateComposer.Reminder(va, c, rhythm, "Tom", null, WorkLog.Empty, Guid.NewGuid(), TuesdayAt17, TuesdayAt17 - Duration.FromMinutes(15));
        empty.Lines.Skip(1).Should().Equal("No draft yet: write one with /checkin draft <text>.");
        empty.Buttons.Should().HaveCount(4);
    }
}
