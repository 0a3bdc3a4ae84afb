using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CheckinBot.Scheduling.Tests;

public class PlannerWatermarkTests
{
    /// <summary>Monday 30 November 2026, 10:00 in Brussels; 17:00 there is 16:00 UTC.</summary>
    private static readonly Instant MondayMorning = Instant.FromUtc(2026, 11, 30, 9, 0);

    private static readonly Instant MondayFive = Instant.FromUtc(2026, 11, 30, 16, 0);

    [Fact]
    public async Task A_planned_rhythm_is_not_read_again_until_its_next_occurrence_comes_within_the_horizon()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        await harness.AgreeAsync(MondayMorning);
        await harness.RunAtAsync(MondayFive - Duration.FromMinutes(15));

        var options = new DeliveryOptions();
        var waiting = await harness.WithAsync(sp => sp.GetRequiredService<IRhythmStore>()
            .ListToPlanAsync(MondayFive + Duration.FromHours(23) + options.PlanningHorizon - Duration.FromMinutes(1), 10, null, CancellationToken.None));
        var tuesday = await harness.WithAsync(sp => sp.GetRequiredService<IRhythmStore>()
            .ListToPlanAsync(MondayFive + Duration.FromHours(24), 10, null, CancellationToken.None));

        waiting.Should().BeEmpty("nothing is due between Monday's update and Tuesday's");
        tuesday.Should().ContainSingle().Which.PlannedUntil.Should().Be(MondayFive + Duration.FromHours(24) - Duration.FromSeconds(1));
    }

    [Fact]
    public async Task Every_minute_between_two_updates_the_next_one_is_planned_once_and_posted_on_time()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        await harness.AgreeAsync(MondayMorning, days: Days.Daily);

        var planned = 0;
        for (var now = MondayFive - Duration.FromMinutes(20); now <= MondayFive + Duration.FromHours(24); now += Duration.FromMinutes(10))
        {
            planned += await harness.WithAsync(sp => sp.GetRequiredService<OccurrencePlanner>().PlanAsync(now, CancellationToken.None));
            await harness.RunAtAsync(now);
        }

        planned.Should().Be(2, "Monday's and Tuesday's updates, each once");
        harness.Gateway.ChannelPosts.Select(p => p.At).Should().Equal(MondayFive.ToDateTimeOffset(), (MondayFive + Duration.FromDays(1)).ToDateTimeOffset());
    }

    [Fact]
    public async Task More_rhythms_than_a_page_are_all_planned_in_one_cycle()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        await harness.AgreeAsync(MondayMorning, count: OccurrencePlanner.PageSize + 3);

        var planned = await harness.WithAsync(sp => sp.GetRequiredService<OccurrencePlanner>().PlanAsync(MondayFive - Duration.FromMinutes(15), CancellationToken.None));

        planned.Should().Be(OccurrencePlanner.PageSize + 3);
    }
}
