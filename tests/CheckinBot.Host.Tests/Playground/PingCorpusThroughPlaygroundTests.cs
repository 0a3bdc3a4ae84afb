using CheckinBot.Core.Pings;
using CheckinBot.Core.Pings.Evaluation;
using CheckinBot.Core.Tests.Pings;
using CheckinBot.Host.Tests.Infrastructure;

namespace CheckinBot.Host.Tests.Playground;

/// <summary>
/// The ping issue's own check, on the dev corpus: every message sent as the client through the playground API, the clock
/// moved 31 minutes between messages; a status check must get a <c>ping-answer</c>, an urgent message an
/// <c>urgent-alert</c>, anything else no bot message at all. The targets apply per language.
/// </summary>
public sealed class PingCorpusThroughPlaygroundTests : IAsyncLifetime
{
    private static readonly string[] BotAnswers = ["ping-answer", "ping-ack", "urgent-alert"];
    private BotServer bot = null!;

    public async Task InitializeAsync()
    {
        bot = await BotServer.StartAsync(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await bot.SayAsync("va", "/checkin propose update weekdays 17:00");
        await bot.SayAsync("client", "/checkin accept");
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Status_checks_are_answered_urgent_messages_passed_on_and_the_rest_left_alone()
    {
        var metrics = new Dictionary<string, LanguageMetrics>();
        var misreads = new List<string>();
        foreach (var sample in DevCorpus.Rows)
        {
            var replies = (await bot.SayAsync("client", sample.Text)).GetProperty("replies").EnumerateArray()
                .Select(r => r.GetProperty("kind").GetString()!).Where(BotAnswers.Contains).ToList();
            var got = replies.Contains("urgent-alert") ? PingClass.Urgent
                : replies.Contains("ping-answer") ? PingClass.StatusCheck
                : replies.Count == 0 ? PingClass.Other
                : (PingClass?)null;
            got.Should().NotBeNull("a ping is answered in full 31 minutes after the last one, never only acknowledged ({0})", sample.Id);

            if (!metrics.TryGetValue(sample.Language, out var language))
            {
                metrics[sample.Language] = language = new LanguageMetrics(sample.Language);
            }

            language.Confusion.Add(sample.Expected, got!.Value);
            if (got != sample.Expected)
            {
                misreads.Add($"{sample.Id} {sample.Expected} got {got}: {sample.Text}");
            }

            await bot.AdvanceAsync("PT31M");
        }

        var report = string.Join(Environment.NewLine, misreads);
        metrics.Keys.Should().BeEquivalentTo(["nl", "en", "fr"]);
        foreach (var (language, m) in metrics)
        {
            m.StatusPrecision.Should().BeGreaterThanOrEqualTo(0.97, "status precision in {0}:\n{1}", language, report);
            m.StatusRecall.Should().BeGreaterThanOrEqualTo(0.90, "status recall in {0}:\n{1}", language, report);
            m.UrgentRecall.Should().BeGreaterThanOrEqualTo(0.98, "urgent recall in {0}:\n{1}", language, report);
            m.OtherAsStatusRate.Should().BeLessThanOrEqualTo(0.02, "other taken for status in {0}:\n{1}", language, report);
        }
    }
}
