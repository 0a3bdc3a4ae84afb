using CheckinBot.Core.Telemetry;
using CheckinBot.Host.Tests.Infrastructure;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>The delivery counters and the lateness histogram, as one host records them.</summary>
[Collection(MeasuredAlone.Name)]
public class DeliveryMetricsTests
{
    /// <summary>Friday 27 November 2026, 11:00 in Brussels; the update is due at 17:00 (16:00 UTC).</summary>
    private static readonly DateTimeOffset FridayMorning = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnUpdateOnTimeCountsAsDueAndDeliveredWithNoLateness()
    {
        using var measured = new Measurements();
        await using var bot = await AgreedBotAsync();
        await bot.Client.GetStringAsync("/metrics"); // prometheus-net's meter adapter listens from the first scrape on

        await bot.AdvanceAsync("PT7H");

        measured.Sum(DeliveryTelemetry.DueName).Should().Be(1);
        measured.Sum(DeliveryTelemetry.DeliveredName).Should().Be(1);
        measured.Sum(DeliveryTelemetry.LateName).Should().Be(0);
        // Delivery stamps each post with the clock at its confirmation, so an on-time post is late by the milliseconds it took.
        measured.Of(DeliveryTelemetry.LatenessName).Should().ContainSingle().Which.Should().BeInRange(0, 1);
        var scrape = await bot.Client.GetStringAsync("/metrics");
        scrape.Should().Contain("checkinbot_occurrences_delivered_total").And.Contain("checkinbot_occurrence_lateness_seconds_bucket");
        scrape.Should().NotContain("checkinbot_checkinbot_", "the bot's meters are published once, in their documented names");
    }

    [Fact]
    public async Task AnUpdatePostedAfterTheBotWasAwayCountsAsLateWithHowLate()
    {
        using var measured = new Measurements();
        await using var bot = await AgreedBotAsync();
        await bot.AdvanceAsync("PT5H50M"); // 16:50, the reminder sent

        bot.Time.Advance(TimeSpan.FromMinutes(30)); // away until 17:20
        await bot.AdvanceAsync("PT1M");

        measured.Sum(DeliveryTelemetry.DeliveredName).Should().Be(1);
        measured.Sum(DeliveryTelemetry.LateName).Should().Be(1);
        measured.Of(DeliveryTelemetry.LatenessName).Should().ContainSingle().Which.Should().BeApproximately(20 * 60, 1);
    }

    [Fact]
    public async Task AnUpdatePastTheGracePeriodCountsAsMissedNotDelivered()
    {
        using var measured = new Measurements();
        await using var bot = await AgreedBotAsync();
        await bot.AdvanceAsync("PT5H50M");

        bot.Time.Advance(TimeSpan.FromHours(3)); // away until 19:50, past the two hours' grace
        await bot.AdvanceAsync("PT1M");

        measured.Sum(DeliveryTelemetry.MissedName).Should().Be(1);
        measured.Sum(DeliveryTelemetry.DeliveredName).Should().Be(0);
        measured.Of(DeliveryTelemetry.LatenessName).Should().BeEmpty();
    }

    private static async Task<BotServer> AgreedBotAsync()
    {
        var bot = await BotServer.StartAsync(FridayMorning, null, "--Scheduling:Enabled=false");
        await bot.SayAsync("va", "/checkin propose update weekdays 17:00");
        await bot.SayAsync("client", "/checkin accept");
        return bot;
    }
}
