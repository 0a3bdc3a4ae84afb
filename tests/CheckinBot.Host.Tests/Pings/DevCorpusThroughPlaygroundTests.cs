using System.Globalization;
using System.Text;
using CheckinBot.Core.Pings;
using CheckinBot.Core.Pings.Evaluation;
using CheckinBot.Host.Tests.Infrastructure;

namespace CheckinBot.Host.Tests.Pings;

/// <summary>
/// The check the issue describes: every dev-corpus message sent as the client through the playground API, the
/// clock moved 31 minutes between messages; a ping-answer must come for status checks, an urgent-alert for
/// urgent messages, nothing for the rest, with the targets per language.
/// </summary>
public class DevCorpusThroughPlaygroundTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_dev_message_sent_by_the_client_gets_what_its_label_asks_for_within_the_targets()
    {
        var samples = DevCorpusFile.Read();
        await using var bot = await BotServer.StartAsync(Start);
        var outcomes = new List<(PingSample Sample, PingClass Got, string Kinds)>(samples.Count);
        foreach (var sample in samples)
        {
            var replies = PingAnswerEndToEndTests.Replies(await bot.SayAsync("client", sample.Text));
            var kinds = string.Join(',', replies.Select(r => r.Kind));
            var got = replies.Any(r => r.Kind == "urgent-alert") ? PingClass.Urgent
                : replies.Any(r => r.Kind == "ping-answer") ? PingClass.StatusCheck
                : PingClass.Other;
            outcomes.Add((sample, got, kinds));
            await bot.AdvanceAsync("PT31M");
        }

        var report = new StringBuilder();
        var failures = new List<string>();
        foreach (var language in outcomes.GroupBy(o => o.Sample.Language))
        {
            int Count(PingClass expected, PingClass got) => language.Count(o => o.Sample.Expected == expected && o.Got == got);
            int Labelled(PingClass expected) => language.Count(o => o.Sample.Expected == expected);
            var statusDecided = language.Count(o => o.Got == PingClass.StatusCheck);
            var statusPrecision = statusDecided == 0 ? 1 : (double)Count(PingClass.StatusCheck, PingClass.StatusCheck) / statusDecided;
            var statusRecall = (double)Count(PingClass.StatusCheck, PingClass.StatusCheck) / Math.Max(1, Labelled(PingClass.StatusCheck));
            var urgentRecall = (double)Count(PingClass.Urgent, PingClass.Urgent) / Math.Max(1, Labelled(PingClass.Urgent));
            var otherAsStatus = (double)Count(PingClass.Other, PingClass.StatusCheck) / Math.Max(1, Labelled(PingClass.Other));
            report.AppendLine(CultureInfo.InvariantCulture,
                $"{language.Key}: status P {statusPrecision:0.000} R {statusRecall:0.000}, urgent R {urgentRecall:0.000}, other->status {otherAsStatus:P1}");
            if (statusPrecision < 0.97 || statusRecall < 0.90 || urgentRecall < 0.98 || otherAsStatus > 0.02)
            {
                failures.Add(language.Key);
            }
        }

        // Nothing at all for the rest: not even an acknowledgement or a stray reply.
        var noisy = outcomes.Where(o => o.Sample.Expected == PingClass.Other && o.Kinds.Length > 0).ToList();
        var misread = outcomes.Where(o => o.Sample.Expected != o.Got)
            .Select(o => $"{o.Sample.Id}\t{o.Sample.Language}\texpected {PingCorpus.LabelOf(o.Sample.Expected)}\tgot [{o.Kinds}]\t{o.Sample.Text}");
        var because = report + string.Join(Environment.NewLine, misread);

        failures.Should().BeEmpty(because);
        noisy.Should().HaveCountLessThanOrEqualTo(outcomes.Count(o => o.Sample.Expected == PingClass.Other) / 50, because);
        outcomes.Where(o => o.Sample.Expected == PingClass.StatusCheck && o.Got == PingClass.StatusCheck)
            .Should().OnlyContain(o => o.Kinds == "ping-answer", "31 minutes apart, every status check gets a full answer and nothing else");
    }
}
