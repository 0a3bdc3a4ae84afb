using CheckinBot.Core.Conversations;
using CheckinBot.Core.Occurrences;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Scheduling.Tests;

public class PlanningJobTests
{
    private static readonly Instant MondayMorning = Instant.FromUtc(2026, 11, 30, 9, 0);
    private static readonly Instant MondayFive = Instant.FromUtc(2026, 11, 30, 16, 0);

    [Fact]
    public async Task The_job_plans_at_the_bots_now_and_leaves_the_posting_to_the_delivery_loops()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        await harness.AgreeAsync(MondayMorning);

        await harness.WithAsync(async sp =>
        {
            await RunJobAsync(sp, MondayFive - Duration.FromMinutes(16));
            await RunJobAsync(sp, MondayFive);
            return 0;
        });

        harness.Gateway.Posted.Should().BeEmpty("no reminder and no update is sent by the job");
        var planned = await harness.LedgerAsync(MondayFive, MondayFive);
        planned.Should().ContainSingle().Which.Status.Should().Be(OccurrenceStatus.Pending);
    }

    [Fact]
    public async Task The_job_forgets_event_ids_older_than_the_retention()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        await harness.WithAsync(async sp =>
        {
            var events = sp.GetRequiredService<IEventLedger>();
            await events.TryRecordAsync("slack", "old", MondayFive - PlanningJob.EventRetention - Duration.FromMinutes(1), CancellationToken.None);
            await events.TryRecordAsync("slack", "recent", MondayFive - Duration.FromHours(1), CancellationToken.None);
            await RunJobAsync(sp, MondayFive);
            return 0;
        });

        await harness.WithAsync(async sp =>
        {
            var events = sp.GetRequiredService<IEventLedger>();
            (await events.TryRecordAsync("slack", "old", MondayFive, CancellationToken.None)).Should().BeTrue("it was forgotten");
            (await events.TryRecordAsync("slack", "recent", MondayFive, CancellationToken.None)).Should().BeFalse("it is still kept");
            return 0;
        });
    }

    [Fact]
    public async Task What_the_job_plans_wakes_the_nodes_loop_at_once()
    {
        await using var harness = await DeliveryHarness.StartAsync(now: MondayFive);
        await harness.AgreeAsync(MondayFive - Duration.FromSeconds(30));
        using var loop = harness.Loop(TimeSpan.FromHours(1));
        await loop.StartAsync(CancellationToken.None);
        (await loop.AsleepAfterAsync(MondayFive)).Should().Be(MondayFive + Duration.FromMinutes(1), "the loop found nothing planned yet");

        // The minute's planning ran after the loop looked: what it wrote is due now, not at the next minute.
        harness.Time.SetUtcNow((MondayFive + Duration.FromSeconds(1)).ToDateTimeOffset());
        await harness.WithAsync(async sp =>
        {
            await RunJobAsync(sp, MondayFive + Duration.FromSeconds(1), loop);
            return 0;
        });
        (await loop.AsleepAfterAsync(MondayFive + Duration.FromSeconds(1))).Should().Be(MondayFive + Duration.FromMinutes(1));
        await loop.StopAsync(CancellationToken.None);

        harness.Gateway.ChannelPosts.Should().ContainSingle().Which.At.Should().Be(MondayFive.ToDateTimeOffset(), "it went out on time");
    }

    private static async Task RunJobAsync(IServiceProvider services, Instant now, DeliveryLoop? loop = null)
    {
        var job = new PlanningJob(
            services.GetRequiredService<DeliveryCycle>(),
            services.GetRequiredService<IEventLedger>(),
            new FakeTimeProvider(now.ToDateTimeOffset()),
            NullLogger<PlanningJob>.Instance,
            loop);
        await job.Execute(null!, CancellationToken.None);
    }
}
