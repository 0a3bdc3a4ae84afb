using CheckinBot.Core.Conversations;
using CheckinBot.Core.Occurrences;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Scheduling.Tests;

public class PlanAndDeliverJobTests
{
    private static readonly Instant MondayMorning = Instant.FromUtc(2026, 11, 30, 9, 0);

    [Fact]
    public async Task The_job_delivers_at_the_bots_now_and_forgets_event_ids_older_than_the_retention()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        await harness.AgreeAsync(MondayMorning);
        var five = Instant.FromUtc(2026, 11, 30, 16, 0);
        await harness.WithAsync(async sp =>
        {
            var events = sp.GetRequiredService<IEventLedger>();
            await events.TryRecordAsync("slack", "old", five - PlanAndDeliverJob.EventRetention - Duration.FromMinutes(1), CancellationToken.None);
            await events.TryRecordAsync("slack", "recent", five - Duration.FromHours(1), CancellationToken.None);
            return 0;
        });

        await harness.WithAsync(async sp =>
        {
            await RunJobAsync(sp, five - Duration.FromMinutes(15));
            await RunJobAsync(sp, five);
            return 0;
        });

        harness.Gateway.ChannelPosts.Should().ContainSingle().Which.At.Should().Be(five.ToDateTimeOffset());
        await harness.WithAsync(async sp =>
        {
            var events = sp.GetRequiredService<IEventLedger>();
            (await events.TryRecordAsync("slack", "old", five, CancellationToken.None)).Should().BeTrue("it was forgotten");
            (await events.TryRecordAsync("slack", "recent", five, CancellationToken.None)).Should().BeFalse("it is still kept");
            return 0;
        });
    }

    private static async Task RunJobAsync(IServiceProvider services, Instant now)
    {
        var job = new PlanAndDeliverJob(
            services.GetRequiredService<DeliveryCycle>(),
            services.GetRequiredService<IEventLedger>(),
            new FakeTimeProvider(now.ToDateTimeOffset()),
            NullLogger<PlanAndDeliverJob>.Instance);
        await job.Execute(null!, CancellationToken.None);
    }
}
