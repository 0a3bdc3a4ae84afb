using System.Net;
using System.Text.Json.Nodes;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Teams.References;
using CheckinBot.Teams.Sending;
using CheckinBot.Teams.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Teams.Tests;

/// <summary>Outbound calls: the token, retries, pacing, and what a blocked conversation does.</summary>
public sealed class ConnectorTests : IAsyncLifetime
{
    private const string ChannelActivities = "/v3/conversations/" + Fixtures.Channel + "/activities";
    private TeamsTestHost host = null!;

    public async Task InitializeAsync()
    {
        host = await TeamsTestHost.StartAsync();

        // An ordinary message stores the channel's reference and asks for no answer.
        var response = await host.PostFixtureAsync("channel-message-without-mention", v => v["text"] = "goedemorgen");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static readonly PostWindow AnyWindow = new(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    private static OutboundMessage ToChannel(string text) =>
        new(ChatAddress.Conversation("teams", Fixtures.Tenant, Fixtures.Channel), BotMessage.Of(MessageKind.Update, text));

    private Task<CheckinBot.Core.Delivery.PostReceipt> PostAsync(OutboundMessage message) =>
        host.WithScopeAsync(services => services.GetRequiredService<TeamsPoster>().PostAsync(message, CancellationToken.None));

    [Fact]
    public async Task OneTokenServesManySendsAndIsRenewedBeforeItExpires()
    {
        host.Connector.TokenLifetimeSeconds = 600;

        await PostAsync(ToChannel("one"));
        await PostAsync(ToChannel("two"));
        host.Clock.Advance(TimeSpan.FromMinutes(4));
        await PostAsync(ToChannel("three"));
        host.Clock.Advance(TimeSpan.FromMinutes(2)); // five minutes before the ten-minute token expires
        await PostAsync(ToChannel("four"));

        host.Connector.TokenRequests.Should().Be(2);
        host.Connector.Sends.Select(s => s.Authorization).Should().Equal("Bearer token-1", "Bearer token-1", "Bearer token-1", "Bearer token-2");
    }

    [Fact]
    public async Task TooManyRequestsIsTriedAgainAfterRetryAfter()
    {
        host.Connector.Script(429, """{"error":{"code":"TooManyRequests"}}""", retryAfter: "1");

        var receipt = await PostAsync(ToChannel("hello"));

        receipt.MessageId.Should().StartWith("activity-");
        var calls = host.Connector.Calls;
        calls.Select(c => c.Status).Should().Equal(429, 200);
        (calls[1].At - calls[0].At).Should().BeGreaterThan(TimeSpan.FromMilliseconds(950));
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task PassingFailuresAreTriedAgainWithBackoff(int status)
    {
        host.Connector.Script(status);
        host.Connector.Script(status);

        await PostAsync(ToChannel("hello"));

        host.Connector.Calls.Select(c => c.Status).Should().Equal(status, status, 200);
    }

    [Fact]
    public async Task AFailureThatIsNotPassingIsNotTriedAgain()
    {
        host.Connector.Script(400, """{"error":{"code":"BadArgument","message":"Unknown activity type"}}""");

        var post = () => PostAsync(ToChannel("hello"));

        (await post.Should().ThrowAsync<TeamsCallException>()).Which.Code.Should().Be("BadArgument");
        host.Connector.Calls.Should().HaveCount(1);
    }

    [Fact]
    public async Task ABlockedConversationIsRememberedAsUnreachableAndTheVaIsTold()
    {
        var setup = await host.PostFixtureAsync("channel-setup-with-client-mention");
        setup.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.Connector.WaitForSendsAsync(1);
        host.Connector.Blocked[Fixtures.Channel] = true;

        var first = () => PostAsync(ToChannel("update"));
        (await first.Should().ThrowAsync<ConversationBlockedException>()).Which.AlreadyKnown.Should().BeFalse();

        var reference = await host.WithScopeAsync(s => s.GetRequiredService<ConversationReferences>().FindAsync(Fixtures.Tenant, Fixtures.Channel, CancellationToken.None));
        reference!.Unreachable.Should().BeTrue();
        var notice = host.Connector.Sends[^1];
        notice.Path.Should().Be($"/v3/conversations/a:personal-{Fixtures.Maria}/activities");
        notice.Body!["text"]!.GetValue<string>().Should().Contain("CheckinBot");

        var calls = host.Connector.Calls.Count;
        var second = () => PostAsync(ToChannel("update"));
        (await second.Should().ThrowAsync<ConversationBlockedException>()).Which.AlreadyKnown.Should().BeTrue();
        host.Connector.Calls.Should().HaveCount(calls, "an unreachable conversation is not called again");

        // Someone writes in the channel again: it is reachable once more.
        host.Connector.Blocked.Clear();
        await host.PostFixtureAsync("channel-message-without-mention", v => v["text"] = "we zijn terug");
        await PostAsync(ToChannel("update"));
    }

    [Fact]
    public async Task SendsToOneConversationArePacedToSevenPerSecond()
    {
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => PostAsync(ToChannel($"message {i}"))));

        var times = host.Connector.Sends.Select(s => s.At).Order().ToList();
        times.Should().HaveCount(12);
        for (var i = 7; i < times.Count; i++)
        {
            (times[i] - times[i - 7]).Should().BeGreaterThan(TimeSpan.FromMilliseconds(900), "no more than seven sends fall in one second");
        }
    }

    [Fact]
    public async Task AReplyGoesToTheThreadAndAnUpdateReplacesTheActivity()
    {
        var reply = await PostAsync(new OutboundMessage(ChatAddress.Conversation("teams", Fixtures.Tenant, Fixtures.Channel, "1772438401123"), BotMessage.Of(MessageKind.Reply, "in thread")));
        await host.WithScopeAsync(async services =>
        {
            var reference = await services.GetRequiredService<ConversationReferences>().FindAsync(Fixtures.Tenant, Fixtures.Channel, CancellationToken.None);
            await services.GetRequiredService<ConnectorClient>().UpdateAsync(reference!, Fixtures.Channel, reply.MessageId, new JsonObject { ["type"] = "message", ["text"] = "changed" }, CancellationToken.None);
            return true;
        });

        var calls = host.Connector.Calls;
        calls[0].Method.Should().Be("POST");
        calls[0].Path.Should().Be(ChannelActivities + "/1772438401123");
        calls[0].Body!["replyToId"]!.GetValue<string>().Should().Be("1772438401123");
        calls[0].Body!["from"]!["id"]!.GetValue<string>().Should().Be(Fixtures.Bot);
        calls[1].Method.Should().Be("PUT");
        calls[1].Path.Should().Be(ChannelActivities + "/" + reply.MessageId);
    }

    [Fact]
    public async Task APostForAnOccurrenceCanBeFoundAgain()
    {
        var message = ToChannel("update") with { OccurrenceKey = "rhythm-1@2026-03-02T16:00:00Z" };

        var receipt = await PostAsync(message);
        var found = await host.WithScopeAsync(s => s.GetRequiredService<TeamsPoster>().FindPostedAsync(message.To, "rhythm-1@2026-03-02T16:00:00Z", AnyWindow, CancellationToken.None));
        var other = await host.WithScopeAsync(s => s.GetRequiredService<TeamsPoster>().FindPostedAsync(message.To, "rhythm-1@2026-03-03T16:00:00Z", AnyWindow, CancellationToken.None));

        found.Should().Be(receipt);
        other.Should().BeNull();
        host.Connector.Sends[0].Body!["channelData"]!["checkinbot"]!["occurrenceKey"]!.GetValue<string>().Should().Be("rhythm-1@2026-03-02T16:00:00Z");
    }

    [Fact]
    public async Task AnOccurrencePostWhoseAnswerNeverCameIsKeptAsAnIntentAndSentAgain()
    {
        // Teams cannot be asked whether a send arrived: the intent is written before the send, the id after the answer.
        var message = ToChannel("update") with { OccurrenceKey = "rhythm-1@2026-03-02T16:00:00Z" };
        host.Connector.Script(400, """{"error":{"code":"BadArgument"}}""");

        await FluentActions.Awaiting(() => PostAsync(message)).Should().ThrowAsync<Exception>();

        var intent = await host.WithScopeAsync(s => s.GetRequiredService<CheckinBot.Core.Workspaces.IConversationReferenceStore>()
            .FindAsync("teams", Fixtures.Tenant, ConversationReferences.PostedKey("rhythm-1@2026-03-02T16:00:00Z"), CancellationToken.None));
        intent.Should().BeEmpty("the intent was kept, the answer never came");
        var found = await host.WithScopeAsync(s => s.GetRequiredService<TeamsPoster>().FindPostedAsync(message.To, "rhythm-1@2026-03-02T16:00:00Z", AnyWindow, CancellationToken.None));
        found.Should().BeNull("Teams may or may not have it; the update is sent again rather than lost");

        var receipt = await PostAsync(message);
        (await host.WithScopeAsync(s => s.GetRequiredService<TeamsPoster>().FindPostedAsync(message.To, "rhythm-1@2026-03-02T16:00:00Z", AnyWindow, CancellationToken.None)))
            .Should().Be(receipt);
    }
}
