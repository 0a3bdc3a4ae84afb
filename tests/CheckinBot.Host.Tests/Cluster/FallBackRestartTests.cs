using NodaTime;

namespace CheckinBot.Host.Tests.Cluster;

/// <summary>
/// Sunday 25 October 2026 in Brussels: at 03:00 summer time the clocks go back to 02:00, so 02:30 happens twice (00:30 and
/// 01:30 UTC). A daily update at 02:30 goes out once, at the first, however the nodes restart in the repeated hour.
/// </summary>
[Collection(SharedFakeSlack.Name)]
public class FallBackRestartTests(ClusterFixture fixture)
{
    private static readonly Instant Evening = Instant.FromUtc(2026, 10, 24, 23, 50);
    private static readonly Instant FirstHalfPastTwo = Instant.FromUtc(2026, 10, 25, 0, 30);
    private static readonly Instant SecondHalfPastTwo = Instant.FromUtc(2026, 10, 25, 1, 30);

    [SkippableFact]
    public async Task A_restart_in_the_repeated_hour_after_the_update_went_out_posts_nothing_more()
    {
        var (channel, key) = await RunAsync("fb1", downAt: Instant.FromUtc(2026, 10, 25, 1, 5), upAt: Instant.FromUtc(2026, 10, 25, 1, 10));

        var post = fixture.Slack.PostsIn(channel).Should().ContainSingle("02:30 comes twice, the update once").Subject;
        post.OccurrenceKey.Should().Be(key, "it goes out at the first 02:30");
        post.Text.Should().NotContain("Posted late");
    }

    [SkippableFact]
    public async Task Nodes_down_at_the_first_half_past_two_and_back_in_the_repeated_hour_post_the_update_once_late()
    {
        var (channel, key) = await RunAsync("fb2", downAt: Instant.FromUtc(2026, 10, 25, 0, 20), upAt: Instant.FromUtc(2026, 10, 25, 1, 15));

        var post = fixture.Slack.PostsIn(channel).Should().ContainSingle("the first 02:30 is caught up, and the second is not another one").Subject;
        post.OccurrenceKey.Should().Be(key);
        post.Text.Should().Contain("Posted late");
    }

    /// <summary>One collaboration agreeing a daily update at 02:30; both nodes run until <paramref name="downAt"/>, are
    /// stopped, and two new instances run from <paramref name="upAt"/> until well after the second 02:30.</summary>
    private async Task<(string Channel, string Key)> RunAsync(string name, Instant downAt, Instant upAt)
    {
        await using var database = await ClusterDatabase.CreateAsync();
        await using var agreements = await BurstAgreements.OpenAsync(database.DirectConnectionString);
        var collaboration = (await agreements.AddCollaborationsAsync(name.ToUpperInvariant(), 1, Evening)).Single();
        var key = (await agreements.AgreeDailyUpdatesAsync([collaboration], FirstHalfPastTwo, Evening)).Single();
        FirstHalfPastTwo.InZone(DateTimeZoneProviders.Tzdb[BurstAgreements.Zone]).TimeOfDay.Should().Be(new LocalTime(2, 30));
        SecondHalfPastTwo.InZone(DateTimeZoneProviders.Tzdb[BurstAgreements.Zone]).TimeOfDay.Should().Be(new LocalTime(2, 30));

        await using var pair = new InProcessPair(database, fixture.Slack, name, "--Delivery:ReminderLead=00:00:01");
        await pair.StartAsync(Evening);
        await pair.RunMinutesAsync(Evening, downAt);
        await pair.StopAsync();
        await pair.StartAsync(upAt);
        await pair.RunMinutesAsync(upAt, SecondHalfPastTwo + Duration.FromMinutes(40));
        return (collaboration.ConversationId, key);
    }
}
