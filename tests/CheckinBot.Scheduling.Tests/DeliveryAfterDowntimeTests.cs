using CheckinBot.Core.Messages;
using CheckinBot.Core.Occurrences;
using CheckinBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CheckinBot.Scheduling.Tests;

public class DeliveryAfterDowntimeTests
{
    /// <summary>Monday 30 November 2026, 10:00 in Brussels; 17:00 there is 16:00 UTC.</summary>
    private static readonly Instant MondayMorning = Instant.FromUtc(2026, 11, 30, 9, 0);

    private static readonly Instant MondayFive = Instant.FromUtc(2026, 11, 30, 16, 0);

    [Fact]
    public async Task An_update_is_posted_on_time_with_a_reminder_fifteen_minutes_before()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        await harness.AgreeAsync(MondayMorning);

        await harness.RunAtAsync(MondayFive - Duration.FromMinutes(15));
        harness.Gateway.DirectMessages.Should().ContainSingle().Which.Message.Kind.Should().Be(MessageKind.Reminder);

        var report = await harness.RunAtAsync(MondayFive);
        report.Posted.Should().Be(1);
        report.Late.Should().Be(0);
        var update = harness.Gateway.ChannelPosts.Should().ContainSingle().Subject;
        update.Message.Kind.Should().Be(MessageKind.Update);
        update.Message.Context.Should().BeNull("it is on time");
        update.OccurrenceKey.Should().NotBeNullOrEmpty();
        update.At.Should().Be(MondayFive.ToDateTimeOffset());
    }

    [Fact]
    public async Task After_downtime_within_the_grace_period_the_update_is_posted_late_with_a_note()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        await harness.AgreeAsync(MondayMorning);
        await harness.RunAtAsync(MondayMorning);

        // The bot was down from 10:00 to 18:30.
        var report = await harness.RunAtAsync(MondayFive + Duration.FromMinutes(90));

        report.Posted.Should().Be(1);
        report.Late.Should().Be(1);
        var update = harness.Gateway.ChannelPosts.Should().ContainSingle().Subject;
        update.Message.Context.Should().Contain("Posted late").And.Contain("17:00");
        harness.Gateway.DirectMessages.Should().BeEmpty("a reminder after the moment is no use");
    }

    [Fact]
    public async Task After_downtime_beyond_the_grace_period_the_occurrence_is_missed_and_the_VA_told()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        await harness.AgreeAsync(MondayMorning);
        await harness.RunAtAsync(MondayMorning);

        var report = await harness.RunAtAsync(MondayFive + Duration.FromHours(3));

        report.Missed.Should().Be(1);
        harness.Gateway.ChannelPosts.Should().BeEmpty();
        var notice = harness.Gateway.DirectMessages.Should().ContainSingle().Subject;
        notice.To.DirectTo.Should().Be("ina");
        notice.Message.PlainText.Should().Contain("missed");

        var occurrences = await harness.WithAsync(sp => sp.GetRequiredService<IOccurrenceLedger>()
            .ListByCollaborationAsync(harness.CollaborationId, MondayMorning, MondayFive + Duration.FromDays(1), CancellationToken.None));
        occurrences.Should().ContainSingle().Which.Status.Should().Be(OccurrenceStatus.Missed);

        // The next day runs as agreed.
        await harness.RunAtAsync(MondayFive + Duration.FromDays(1));
        harness.Gateway.ChannelPosts.Should().ContainSingle();
    }

    [Fact]
    public async Task A_rhythm_agreed_after_its_moment_does_not_post_for_that_day()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        await harness.AgreeAsync(MondayFive + Duration.FromMinutes(5));

        await harness.RunAtAsync(MondayFive + Duration.FromMinutes(6));

        harness.Gateway.Posted.Should().BeEmpty();
    }

    [Fact]
    public async Task A_worker_taking_over_an_expired_lease_finds_the_earlier_post_instead_of_posting_again()
    {
        var gateway = new RecordingGateway();
        await using var harness = await DeliveryHarness.StartAsync(gateway: gateway);
        await harness.AgreeAsync(MondayMorning);
        await harness.RunAtAsync(MondayFive - Duration.FromMinutes(20));

        // A worker claims the occurrence, marks it as being sent, posts it, and dies before it records the post.
        var claimed = await harness.WithAsync(sp => sp.GetRequiredService<IOccurrenceLedger>()
            .ClaimDueAsync(MondayFive, "crashed", MondayFive + Duration.FromMinutes(2), 10, null, CancellationToken.None));
        var occurrence = claimed.Should().ContainSingle().Subject;
        await harness.WithAsync(async sp =>
        {
            await sp.GetRequiredService<IOccurrenceLedger>().MarkSendingAsync("crashed", [occurrence.Id], MondayFive, CancellationToken.None);
            return true;
        });
        await gateway.PostAsync(new OutboundMessage(ChatAddress.Conversation(RecordingGateway.DefaultPlatform, "T1", "C1"), BotMessage.Of(MessageKind.Update, "first attempt"), occurrence.Key), CancellationToken.None);

        var report = await harness.RunAtAsync(MondayFive + Duration.FromMinutes(3));

        report.Posted.Should().Be(1);
        gateway.ChannelPosts.Should().ContainSingle("the post is not doubled");
        var stored = await harness.WithAsync(sp => sp.GetRequiredService<IOccurrenceLedger>().LastPostedAsync(harness.CollaborationId, CancellationToken.None));
        stored!.MessageId.Should().Be("found-" + occurrence.Key);
    }

    [Fact]
    public async Task Two_workers_on_one_database_post_each_occurrence_exactly_once()
    {
        var folder = Path.Combine(Path.GetTempPath(), "checkinbot-scheduling-tests", Guid.NewGuid().ToString("N"));
        var gateway = new RecordingGateway();
        await using var first = await DeliveryHarness.StartAsync(folder, "worker-1", gateway);
        await using var second = await DeliveryHarness.StartAsync(folder, "worker-2", gateway);
        for (var c = 0; c < 20; c++)
        {
            await first.AgreeAsync(MondayMorning, count: 10, conversation: "C" + c);
        }

        await first.RunAtAsync(MondayFive - Duration.FromMinutes(20));
        await Task.WhenAll(first.RunAtAsync(MondayFive), second.RunAtAsync(MondayFive));

        gateway.ChannelPosts.Should().HaveCount(200);
        gateway.ChannelPosts.Select(p => p.OccurrenceKey).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_paused_rhythm_posts_nothing_even_when_already_planned()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        await harness.AgreeAsync(MondayMorning);
        await harness.RunAtAsync(MondayFive - Duration.FromMinutes(20));

        await harness.WithAsync(async sp =>
        {
            var store = sp.GetRequiredService<Core.Rhythms.IRhythmStore>();
            var rhythm = (await store.ListByCollaborationAsync(harness.CollaborationId, CancellationToken.None)).Single();
            rhythm.Pause("ina", MondayFive - Duration.FromMinutes(19), new LocalDate(2026, 12, 2));
            await store.SaveAsync([rhythm], CancellationToken.None);
            return 0;
        });

        await harness.RunAtAsync(MondayFive);
        await harness.RunAtAsync(MondayFive + Duration.FromDays(1));
        harness.Gateway.ChannelPosts.Should().BeEmpty();

        await harness.RunAtAsync(MondayFive + Duration.FromDays(2) - Duration.FromMinutes(20));
        await harness.RunAtAsync(MondayFive + Duration.FromDays(2));
        harness.Gateway.ChannelPosts.Should().ContainSingle("it runs again from Wednesday");
    }

    [Fact]
    public async Task A_failed_post_is_released_and_posted_at_the_next_cycle()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        await harness.AgreeAsync(MondayMorning, count: 3);
        await harness.RunAtAsync(MondayFive - Duration.FromMinutes(20));
        harness.Gateway.FailNext = 1;

        var first = await harness.RunAtAsync(MondayFive);
        first.Failures.Should().ContainSingle();
        first.Posted.Should().Be(2);

        var second = await harness.RunAtAsync(MondayFive + Duration.FromMinutes(1));
        second.Posted.Should().Be(1);
        harness.Gateway.ChannelPosts.Select(p => p.OccurrenceKey).Should().HaveCount(3).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_missed_occurrence_is_recorded_even_when_the_VA_cannot_be_told()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        await harness.AgreeAsync(MondayMorning);
        await harness.RunAtAsync(MondayMorning);
        harness.Gateway.FailNext = 1;

        var report = await harness.RunAtAsync(MondayFive + Duration.FromHours(3));

        report.Missed.Should().Be(1);
        report.Failures.Should().BeEmpty();
        (await harness.RunAtAsync(MondayFive + Duration.FromHours(3) + Duration.FromMinutes(1))).Missed.Should().Be(0, "it is not tried again");
    }
}
