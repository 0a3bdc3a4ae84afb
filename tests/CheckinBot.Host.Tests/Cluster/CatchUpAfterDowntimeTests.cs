using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Occurrences;
using NodaTime;

namespace CheckinBot.Host.Tests.Cluster;

/// <summary>
/// The whole system (both nodes) down for two hours, then started again: what fell due meanwhile follows the grace
/// policy. The grace period is set to one hour (<c>Delivery:GracePeriod</c>) so that two hours of downtime hold both sides of it.
/// </summary>
[Collection(SharedFakeSlack.Name)]
public class CatchUpAfterDowntimeTests(ClusterFixture fixture)
{
    /// <summary>Monday 30 November 2026, 08:00 UTC (09:00 in Brussels).</summary>
    private static readonly Instant Morning = Instant.FromUtc(2026, 11, 30, 8, 0);

    private static readonly Instant Down = Instant.FromUtc(2026, 11, 30, 9, 0);
    private static readonly Instant Up = Down + Duration.FromHours(2);

    [SkippableFact]
    public async Task Inside_the_grace_period_an_update_is_posted_late_and_marked_late_and_beyond_it_recorded_as_missed_and_the_VA_told()
    {
        await using var database = await ClusterDatabase.CreateAsync();
        await using var agreements = await BurstAgreements.OpenAsync(database.DirectConnectionString);
        var collaborations = await agreements.AddCollaborationsAsync("G", 4, Morning);
        var dues = new[] { Morning + Duration.FromMinutes(30), Down + Duration.FromMinutes(30), Up - Duration.FromMinutes(30), Up + Duration.FromMinutes(30) };
        var keys = new List<string>();
        foreach (var (collaboration, due) in collaborations.Zip(dues))
        {
            keys.Add((await agreements.AgreeDailyUpdatesAsync([collaboration], due, Morning)).Single());
        }

        await using var pair = new InProcessPair(database, fixture.Slack, "grace", "--Delivery:GracePeriod=01:00:00", "--Delivery:ReminderLead=00:00:01");
        await pair.StartAsync(Morning);
        await pair.RunMinutesAsync(Morning, Down - Duration.FromMinutes(1));
        await pair.StopAsync();
        await pair.StartAsync(Up);
        await pair.RunMinutesAsync(Up, Up + Duration.FromMinutes(40));

        var ledger = (await agreements.LedgerAsync(collaborations, Morning, Up + Duration.FromHours(1))).ToDictionary(o => o.Key);
        var (onTime, missed, late, afterRestart) = (keys[0], keys[1], keys[2], keys[3]);

        fixture.Slack.PostsOf(onTime).Should().ContainSingle().Which.Text.Should().NotContain("Posted late");
        ledger[onTime].Should().Match<Occurrence>(o => o.Status == OccurrenceStatus.Posted && !o.Late);

        fixture.Slack.PostsOf(missed).Should().BeEmpty("two hours down is beyond the one-hour grace period for an update due in the first hour");
        ledger[missed].Status.Should().Be(OccurrenceStatus.Missed);
        fixture.Slack.PostsIn("D" + collaborations[1].VaId).Should().ContainSingle("the VA is told once").Which.Text.Should().Contain("was missed");

        fixture.Slack.PostsOf(late).Should().ContainSingle().Which.Text.Should().Contain("Posted late");
        ledger[late].Should().Match<Occurrence>(o => o.Status == OccurrenceStatus.Posted && o.Late);
        fixture.Slack.PostsIn("D" + collaborations[2].VaId).Should().BeEmpty();

        fixture.Slack.PostsOf(afterRestart).Should().ContainSingle().Which.Text.Should().NotContain("Posted late");
        ledger[afterRestart].Should().Match<Occurrence>(o => o.Status == OccurrenceStatus.Posted && !o.Late);
        ChannelPosts(collaborations).Should().Be(3, "one post for each update that was not missed, and nothing else in the channels");
    }

    private int ChannelPosts(IEnumerable<Collaboration> collaborations) => collaborations.Sum(c => fixture.Slack.PostsIn(c.ConversationId).Count);
}
