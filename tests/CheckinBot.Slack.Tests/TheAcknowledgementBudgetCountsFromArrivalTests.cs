using CheckinBot.Core.Clock;
using CheckinBot.Slack.Receiving;
using CheckinBot.Slack.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Slack.Tests;

/// <summary>
/// A slash command's budget for answering inside its acknowledgement counts from when the request arrived, as Slack's
/// 3 seconds do: a command that spent its budget before it was parsed is acknowledged at once, and its answer goes
/// through its <c>response_url</c>, once.
/// </summary>
[Collection(nameof(SlowStatusHandler))]
public sealed class TheAcknowledgementBudgetCountsFromArrivalTests : IAsyncLifetime
{
    private readonly FakeTimeProvider wall = new(TimeProvider.System.GetUtcNow());
    private FakeSlack slack = null!;
    private SlackTestApp app = null!;

    public async Task InitializeAsync()
    {
        SlowStatusHandler.Gate = Task.CompletedTask;
        slack = await FakeSlack.StartAsync();
        slack.AddUser("UVA00001", "Maria", "Asia/Manila", "en-US");
        app = await SlackTestApp.StartAsync(slack, new Dictionary<string, string?> { ["Slack:AckBudget"] = "00:00:00.500" }, services =>
        {
            services.RemoveAll<WallClock>();
            services.AddSingleton(new WallClock(wall));
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await slack.DisposeAsync();
    }

    private Task<SlackAck> CommandAsync(string text, long arrivedAt) =>
        app.Services.GetRequiredService<SlackInbound>().HandleCommandAsync(new Dictionary<string, string>
        {
            ["team_id"] = "T0CHECKIN", ["channel_id"] = "C0SHARED", ["user_id"] = "UVA00001", ["text"] = text,
            ["response_url"] = slack.ResponseUrl, ["trigger_id"] = "t-" + text,
        }, arrivedAt, default);

    [Fact]
    public async Task ACommandThatArrivedLongerAgoThanTheBudgetIsAcknowledgedEmptyAndAnsweredOnceThroughItsResponseUrl()
    {
        var arrivedAt = wall.GetTimestamp();
        wall.Advance(TimeSpan.FromSeconds(1));

        var ack = await CommandAsync("status", arrivedAt);

        ack.Should().Be(SlackAck.Empty);
        await Eventually.HoldsAsync(() => slack.Responses.Count == 1);
        slack.Responses.Single().ToJsonString().Should().Contain("Maria is working on the newsletter");
        slack.Calls.Should().NotContain(c => c.Method.StartsWith("chat.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACommandThatArrivedJustNowIsAnsweredInsideItsAcknowledgement()
    {
        var ack = await CommandAsync("status", wall.GetTimestamp());

        ack.ToJson()!.ToJsonString().Should().Contain("Maria is working on the newsletter");
        slack.Responses.Should().BeEmpty();
    }
}
