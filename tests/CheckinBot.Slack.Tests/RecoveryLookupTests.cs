using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Slack.Tests.Support;
using CheckinBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Slack.Tests;

/// <summary>
/// After a crash, a post is looked up again by the occurrence key in its metadata: over the whole window around its due
/// time, page by page, paced, with Slack's own time for it, one read for all the occurrences of a channel; a lookup Slack
/// refuses is an error, never "not found".
/// </summary>
public sealed class RecoveryLookupTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Due = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
    private static readonly ChatAddress Channel = ChatAddress.Conversation("slack", "T0CHECKIN", "C0SHARED");
    private static readonly PostWindow AroundDue = new(Due.AddMinutes(-16), Due.AddMinutes(30));

    private FakeSlack slack = null!;
    private SlackTestApp app = null!;

    private IChatGateway Gateway => app.Services.GetServices<IChatGateway>().Single(g => g.Platform == "slack");

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        app = await SlackTestApp.StartAsync(slack, new Dictionary<string, string?> { ["Slack:LookupInterval"] = "00:00:00" }, recordTurns: false);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_post_beyond_the_last_200_messages_is_found_with_the_time_Slack_gave_it()
    {
        slack.SetClock(Due.AddSeconds(3));
        var posted = await Gateway.PostAsync(new OutboundMessage(Channel, BotMessage.Of(MessageKind.Update, "Update"), "rhythm@1796140800"), default);
        slack.AddChatter("C0SHARED", 450, Due.AddSeconds(10));

        var found = await Gateway.FindPostedAsync(Channel, "rhythm@1796140800", AroundDue, default);

        found.Should().NotBeNull();
        found!.MessageId.Should().Be(posted.MessageId);
        found.PostedAt.Should().BeCloseTo(Due.AddSeconds(3), TimeSpan.FromMilliseconds(1));
        var pages = slack.CallsTo("conversations.history").ToList();
        pages.Should().HaveCount(3, "450 later messages fill two pages of 200 before the post");
        pages.Should().OnlyContain(p => p["include_all_metadata"] == "true" && p["channel"] == "C0SHARED");
        pages[0]["oldest"].Should().Be(SlackTimestamps.Format(AroundDue.From));
        pages[0]["latest"].Should().Be(SlackTimestamps.Format(AroundDue.To));
        pages[0]["cursor"].Should().BeNull();
        pages[1]["cursor"].Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_post_outside_the_window_or_for_another_occurrence_is_not_found()
    {
        slack.SetClock(Due.AddDays(-1));
        await Gateway.PostAsync(new OutboundMessage(Channel, BotMessage.Of(MessageKind.Update, "Yesterday"), "rhythm@1796140800"), default);
        slack.SetClock(Due);
        await Gateway.PostAsync(new OutboundMessage(Channel, BotMessage.Of(MessageKind.Update, "Other"), "other@1796140800"), default);

        (await Gateway.FindPostedAsync(Channel, "rhythm@1796140800", AroundDue, default)).Should().BeNull();
    }

    [Fact]
    public async Task Several_occurrences_in_one_channel_cost_one_history_read_and_each_is_found_or_not_on_its_own()
    {
        slack.SetClock(Due.AddSeconds(2));
        var update = await Gateway.PostAsync(new OutboundMessage(Channel, BotMessage.Of(MessageKind.Update, "Update"), "update@1796140800"), default);
        slack.SetClock(Due.AddSeconds(5));
        var plan = await Gateway.PostAsync(new OutboundMessage(Channel, BotMessage.Of(MessageKind.Update, "Plan"), "plan@1796140800"), default);
        slack.AddChatter("C0SHARED", 40, Due.AddSeconds(10));

        var found = await Gateway.FindPostedManyAsync(Channel, ["update@1796140800", "plan@1796140800", "checkin@1796140800"], AroundDue, default);

        slack.CallsTo("conversations.history").Should().ContainSingle("one read of the channel's window answers for all three occurrences");
        found.Keys.Should().BeEquivalentTo(["update@1796140800", "plan@1796140800"], "the third was never posted");
        found["update@1796140800"].MessageId.Should().Be(update.MessageId);
        found["update@1796140800"].PostedAt.Should().BeCloseTo(Due.AddSeconds(2), TimeSpan.FromMilliseconds(1));
        found["plan@1796140800"].MessageId.Should().Be(plan.MessageId);
        found["plan@1796140800"].PostedAt.Should().BeCloseTo(Due.AddSeconds(5), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_read_for_several_occurrences_stops_at_the_page_where_the_last_of_them_is_found()
    {
        slack.AddChatter("C0SHARED", 300, Due.AddSeconds(1));
        slack.SetClock(Due.AddMinutes(5));
        await Gateway.PostAsync(new OutboundMessage(Channel, BotMessage.Of(MessageKind.Update, "Update"), "update@1796140800"), default);
        await Gateway.PostAsync(new OutboundMessage(Channel, BotMessage.Of(MessageKind.Update, "Plan"), "plan@1796140800"), default);

        var found = await Gateway.FindPostedManyAsync(Channel, ["update@1796140800", "plan@1796140800"], AroundDue, default);

        found.Should().HaveCount(2);
        slack.CallsTo("conversations.history").Should().ContainSingle("both are on the first page, newest first; the 300 older messages are not read");
    }

    [Theory]
    [InlineData("missing_scope")]
    [InlineData("not_in_channel")]
    public async Task A_lookup_Slack_refuses_is_an_error_and_not_a_post_that_is_missing(string error)
    {
        slack.FailNext("conversations.history", error);

        var lookup = () => Gateway.FindPostedAsync(Channel, "rhythm@1796140800", AroundDue, default);

        (await lookup.Should().ThrowAsync<SlackApiException>()).Which.Error.Should().Be(error);
    }

    [Fact]
    public async Task Lookups_in_one_workspace_are_paced_within_the_history_limit()
    {
        await using var paced = await SlackTestApp.StartAsync(slack, new Dictionary<string, string?> { ["Slack:LookupInterval"] = "00:00:00.300" }, recordTurns: false);
        var gateway = paced.Services.GetServices<IChatGateway>().Single(g => g.Platform == "slack");
        var started = System.Diagnostics.Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            gateway.FindPostedAsync(ChatAddress.Conversation("slack", "T0CHECKIN", $"C{i}"), "rhythm@1796140800", AroundDue, default)));

        slack.CallsTo("conversations.history").Should().HaveCount(4);
        started.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(850), "four lookups at least 300 ms apart");
    }
}
