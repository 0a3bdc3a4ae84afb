using CheckinBot.Core.Rhythms;
using NodaTime;
using NodaTime.Text;

namespace CheckinBot.Core.Tests.Rhythms;

public class RecurrenceTests
{
    private static Instant At(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    private static Recurrence In(string zone, Days days, int hour, int minute = 0) =>
        new(days, new LocalTime(hour, minute), DateTimeZoneProviders.Tzdb[zone]);

    private static List<string> Between(Recurrence recurrence, string from, string to) =>
        recurrence.Between(At(from), At(to)).Select(i => i.ToString()).ToList();

    [Fact]
    public void Weekday_rhythm_fires_at_local_time_on_weekdays_only()
    {
        var recurrence = In("Europe/Brussels", Days.Weekdays, 17);

        // Friday 2026-11-27 to Wednesday 2026-12-02 (winter time, UTC+1).
        Between(recurrence, "2026-11-27T00:00:00Z", "2026-12-02T23:59:00Z").Should().Equal(
            "2026-11-27T16:00:00Z", "2026-11-30T16:00:00Z", "2026-12-01T16:00:00Z", "2026-12-02T16:00:00Z");
    }

    [Fact]
    public void Rhythm_at_nonexistent_local_time_fires_at_end_of_gap_in_Brussels_spring()
    {
        // 2027-03-28: clocks go from 02:00 to 03:00 in Brussels; 02:30 does not exist.
        var recurrence = In("Europe/Brussels", Days.Daily, 2, 30);

        Between(recurrence, "2027-03-27T00:00:00Z", "2027-03-29T12:00:00Z").Should().Equal(
            "2027-03-27T01:30:00Z", // 02:30 CET
            "2027-03-28T01:00:00Z", // 03:00 CEST, the first instant after the gap
            "2027-03-29T00:30:00Z"); // 02:30 CEST
    }

    [Fact]
    public void Rhythm_at_repeated_local_time_fires_once_at_the_first_in_Brussels_autumn()
    {
        // 2027-10-31: clocks go from 03:00 back to 02:00 in Brussels; 02:30 happens twice.
        var recurrence = In("Europe/Brussels", Days.Daily, 2, 30);

        Between(recurrence, "2027-10-30T00:00:00Z", "2027-11-01T12:00:00Z").Should().Equal(
            "2027-10-30T00:30:00Z", // 02:30 CEST
            "2027-10-31T00:30:00Z", // 02:30 CEST, the first of the two
            "2027-11-01T01:30:00Z"); // 02:30 CET
    }

    [Fact]
    public void Daily_rhythm_keeps_its_local_time_across_Brussels_transitions()
    {
        var recurrence = In("Europe/Brussels", Days.Daily, 17);

        Between(recurrence, "2027-03-27T12:00:00Z", "2027-03-28T23:00:00Z").Should().Equal(
            "2027-03-27T16:00:00Z", "2027-03-28T15:00:00Z");
        Between(recurrence, "2027-10-30T12:00:00Z", "2027-10-31T23:00:00Z").Should().Equal(
            "2027-10-30T15:00:00Z", "2027-10-31T16:00:00Z");
    }

    [Fact]
    public void New_York_spring_gap_and_autumn_repeat_follow_the_same_rules()
    {
        // 2027-03-14: 02:00 → 03:00 in New York; 2027-11-07: 02:00 → 01:00.
        var gap = In("America/New_York", Days.Sunday, 2, 30);
        Between(gap, "2027-03-13T00:00:00Z", "2027-03-15T00:00:00Z").Should().Equal("2027-03-14T07:00:00Z"); // 03:00 EDT

        var repeat = In("America/New_York", Days.Sunday, 1, 30);
        Between(repeat, "2027-11-06T00:00:00Z", "2027-11-08T00:00:00Z").Should().Equal("2027-11-07T05:30:00Z"); // 01:30 EDT, the first
    }

    [Fact]
    public void Sydney_transitions_in_the_southern_hemisphere_follow_the_same_rules()
    {
        // 2027-04-04: 03:00 → 02:00 in Sydney (autumn); 2027-10-03: 02:00 → 03:00 (spring).
        var repeat = In("Australia/Sydney", Days.Sunday, 2, 30);
        Between(repeat, "2027-04-03T00:00:00Z", "2027-04-05T00:00:00Z").Should().Equal("2027-04-03T15:30:00Z"); // 02:30 AEDT (+11)

        var gap = In("Australia/Sydney", Days.Sunday, 2, 30);
        Between(gap, "2027-10-02T00:00:00Z", "2027-10-04T00:00:00Z").Should().Equal("2027-10-02T16:00:00Z"); // 03:00 AEDT (+11)
    }

    [Fact]
    public void Manila_has_no_daylight_saving_so_the_offset_never_moves()
    {
        var recurrence = In("Asia/Manila", Days.Weekdays, 9);

        var dues = recurrence.Between(At("2027-01-01T00:00:00Z"), At("2027-12-31T00:00:00Z")).ToList();
        dues.Should().OnlyContain(i => i.InZone(DateTimeZoneProviders.Tzdb["Asia/Manila"]).TimeOfDay == new LocalTime(9, 0));
        dues.Should().OnlyContain(i => i.InUtc().TimeOfDay == new LocalTime(1, 0));
    }

    [Fact]
    public void Next_finds_the_first_due_instant_strictly_after()
    {
        var recurrence = In("Europe/Brussels", Days.Monday, 9);

        recurrence.Next(At("2026-11-27T12:00:00Z")).Should().Be(At("2026-11-30T08:00:00Z"));
        recurrence.Next(At("2026-11-30T08:00:00Z")).Should().Be(At("2026-12-07T08:00:00Z"));
    }

    [Fact]
    public void Between_excludes_the_start_and_includes_the_end()
    {
        var recurrence = In("Europe/Brussels", Days.Daily, 17);

        Between(recurrence, "2026-12-01T16:00:00Z", "2026-12-02T16:00:00Z").Should().Equal("2026-12-02T16:00:00Z");
    }
}
