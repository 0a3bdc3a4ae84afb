using CheckinBot.Core.Commands;
using CheckinBot.Core.Health;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Pings;
using CheckinBot.Core.Tests.Pings;
using NodaTime;

namespace CheckinBot.Core.Tests.Health;

/// <summary><c>/checkin health</c>: four weeks of how the rhythm held, for both sides.</summary>
public class HealthTests
{
    private static readonly DateTimeZone Brussels = DateTimeZoneProviders.Tzdb["Europe/Brussels"];

    [Theory]
    [InlineData("/checkin health")]
    [InlineData("/checkin gezondheid")]
    [InlineData("/checkin santé")]
    [InlineData("/checkin sante")]
    [InlineData("HEALTH")]
    public void Health_is_a_command_with_Dutch_and_French_aliases(string text) =>
        CommandParser.Parse(text).Should().Be(new HealthCommand());

    [Fact]
    public async Task Each_of_the_last_four_weeks_shows_updates_on_time_late_missed_pings_and_urgent_messages()
    {
        var world = new PingWorld();
        var id = world.Collaboration.Id;
        // This week (from Monday 23 November): Monday on time, Tuesday late, Wednesday missed; Friday 17:00 still to come.
        world.Ledger.Add(id, At(2026, 11, 23, 17), OccurrenceStatus.Posted);
        world.Ledger.Add(id, At(2026, 11, 24, 17), OccurrenceStatus.Posted, late: true);
        world.Ledger.Add(id, At(2026, 11, 25, 17), OccurrenceStatus.Missed);
        world.Ledger.Add(id, At(2026, 11, 26, 17), OccurrenceStatus.Skipped);
        world.Ledger.Add(id, At(2026, 11, 27, 17), OccurrenceStatus.Pending);
        // Three weeks ago: two on time.
        world.Ledger.Add(id, At(2026, 11, 2, 17), OccurrenceStatus.Posted);
        world.Ledger.Add(id, At(2026, 11, 3, 17), OccurrenceStatus.Posted);
        Ping(world, At(2026, 11, 3, 10), PingClass.StatusCheck, PingOutcome.Answered);
        Ping(world, At(2026, 11, 3, 10, 10), PingClass.StatusCheck, PingOutcome.Acknowledged);
        Ping(world, At(2026, 11, 4, 10), PingClass.StatusCheck, PingOutcome.Answered);
        Ping(world, At(2026, 11, 11, 10), PingClass.StatusCheck, PingOutcome.Answered);
        Ping(world, At(2026, 11, 24, 10), PingClass.Urgent, PingOutcome.PassedOn, escalated: true);
        Ping(world, At(2026, 11, 26, 10), PingClass.StatusCheck, PingOutcome.Answered);

        var reply = (await world.CommandAsync("tom", "/checkin health")).Should().ContainSingle().Subject;

        reply.To.OnlyFor.Should().Be("tom");
        reply.Message.PlainText.Split('\n').Should().Equal(
            "Hoe het ritme liep, week per week",
            "Deze week — updates afgesproken: 3, op tijd: 1, te laat: 1, gemist: 1. Vragen tussen de updates: 1 (1 door mij beantwoord). Dringend, meteen doorgegeven: 1.",
            "Week van 16 nov — updates afgesproken: 0, op tijd: 0, te laat: 0, gemist: 0. Vragen tussen de updates: 0 (0 door mij beantwoord). Dringend, meteen doorgegeven: 0.",
            "Week van 9 nov — updates afgesproken: 0, op tijd: 0, te laat: 0, gemist: 0. Vragen tussen de updates: 1 (1 door mij beantwoord). Dringend, meteen doorgegeven: 0.",
            "Week van 2 nov — updates afgesproken: 2, op tijd: 2, te laat: 0, gemist: 0. Vragen tussen de updates: 3 (2 door mij beantwoord). Dringend, meteen doorgegeven: 0.",
            "Trend: ▇▃▁▃ elke week minder check-ins nodig.");
    }

    [Fact]
    public async Task The_VA_sees_it_in_her_language_and_an_outsider_sees_nothing()
    {
        var world = new PingWorld();

        (await world.CommandAsync("ina", "/checkin health")).Single().Message.Title.Should().Be("How the rhythm held, week by week");
        (await world.CommandAsync("stranger", "/checkin health")).Single().Message.PlainText.Should().NotContain("week");
    }

    [Fact]
    public async Task Weeks_before_the_collaboration_began_are_left_out()
    {
        var world = new PingWorld();
        var weeks = await new HealthCommands(world.Ledger, world.Pings)
            .ReadAsync(world.Collaboration.Id, world.Now - Duration.FromDays(8), Brussels, world.Now, default);

        weeks.Select(w => w.Start).Should().Equal(new LocalDate(2026, 11, 16), new LocalDate(2026, 11, 23));
    }

    [Theory]
    [InlineData(new[] { 9, 7, 4, 2 }, "Trend: ▇▆▄▂ fewer check-ins needed each week.")]
    [InlineData(new[] { 1, 1, 4, 5 }, "Trend: ▂▂▆▇ more questions between updates lately; a good moment to talk about what would help you both.")]
    [InlineData(new[] { 3, 3, 3, 3 }, "Trend: ▇▇▇▇ about the same each week.")]
    [InlineData(new[] { 0, 0, 0, 0 }, "Trend: no questions between updates; the rhythm carries.")]
    [InlineData(new[] { 5 }, "Trend: too early to tell; ask again next week.")]
    public void The_trend_is_one_line(int[] pings, string expected)
    {
        var weeks = pings.Select((p, i) => new HealthWeek(new LocalDate(2026, 11, 2).PlusWeeks(i), 0, 0, 0, 0, p, p, 0)).ToList();

        HealthTrend.Line("en", weeks).Should().Be(expected);
    }

    private static Instant At(int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneLeniently(Brussels).ToInstant();

    private static void Ping(PingWorld world, Instant at, PingClass type, PingOutcome outcome, bool escalated = false) =>
        world.Pings.All.Add(new Ping
        {
            Id = Guid.NewGuid(), CollaborationId = world.Collaboration.Id, PersonId = "tom", At = at, Class = type, Outcome = outcome,
            Language = "nl", EscalatedAt = escalated ? at : null,
        });
}
