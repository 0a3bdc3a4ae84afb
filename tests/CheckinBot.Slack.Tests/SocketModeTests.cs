using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Turns;
using Microsoft.Extensions.DependencyInjection;
using CheckinBot.Slack.Tests.Support;

namespace CheckinBot.Slack.Tests;

public sealed class SocketModeTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<JsonObject> acks = new();
    private FakeSlack slack = null!;
    private SlackTestApp? app;

    public async Task InitializeAsync() => slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        await slack.DisposeAsync();
    }

    private Task<SlackTestApp> StartAppAsync(string silence = "00:10:00") => SlackTestApp.StartAsync(slack, new Dictionary<string, string?>
    {
        ["Slack:SigningSecret"] = null,
        ["Slack:AppToken"] = "xapp-1-test",
        ["Slack:SocketSilenceTimeout"] = silence,
    });

    private static JsonObject CommandEnvelope(string id) => new()
    {
        ["envelope_id"] = id,
        ["type"] = "slash_commands",
        ["accepts_response_payload"] = true,
        ["payload"] = new JsonObject
        {
            ["token"] = "legacy",
            ["team_id"] = "T0CHECKIN",
            ["channel_id"] = "C0SHARED",
            ["channel_name"] = "maria-pieter",
            ["user_id"] = "UVA00001",
            ["user_name"] = "maria",
            ["command"] = "/checkin",
            ["text"] = "status",
            ["trigger_id"] = "1111.2222.socket0001",
        },
    };

    private static JsonObject EventEnvelope(string id, int retry = 0) => new()
    {
        ["envelope_id"] = id,
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = retry,
        ["retry_reason"] = retry == 0 ? "" : "timeout",
        ["payload"] = JsonNode.Parse(Fixture.Text("event_message.json")),
    };

    [Fact]
    public async Task EnvelopesAreAcknowledgedAndHandledLikeHttpRequests()
    {
        slack.OnSocket = async socket =>
        {
            await socket.SendAsync(CommandEnvelope("env-1"));
            acks.Enqueue((await socket.ReceiveAsync(Wait))!);
            await socket.SendAsync(EventEnvelope("env-2"));
            acks.Enqueue((await socket.ReceiveAsync(Wait))!);
            await socket.SendAsync(EventEnvelope("env-3", retry: 1));
            acks.Enqueue((await socket.ReceiveAsync(Wait))!);
        };

        app = await StartAppAsync();

        await Eventually.HoldsAsync(() => acks.Count == 3 && app.Drain!.Turns.Count == 2);
        acks.Select(a => a["envelope_id"]!.GetValue<string>()).Should().Equal("env-1", "env-2", "env-3");
        app.Drain!.Turns.Select(t => t.Kind).Should().Equal(TurnKind.Command, TurnKind.Message);
        app.Drain.Turns.First().Text.Should().Be("status");
        slack.CallsTo("apps.connections.open").Single().Token.Should().Be("xapp-1-test");
    }

    [Fact]
    public async Task ADisconnectOpensANewConnectionBeforeClosingTheOldOne()
    {
        var connection = 0;
        slack.OnSocket = async socket =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await socket.SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = "refresh_requested" });
            }
            else
            {
                await socket.SendAsync(EventEnvelope("env-after"));
                acks.Enqueue((await socket.ReceiveAsync(Wait))!);
            }
        };

        app = await StartAppAsync();

        await Eventually.HoldsAsync(() => acks.Count == 1 && slack.OpenSockets == 1);
        slack.SocketsOpened.Should().Be(2);
        slack.PeakSockets.Should().BeLessThanOrEqualTo(2);
        app.Drain!.Turns.Should().ContainSingle();
    }

    [Fact]
    public async Task ASilentConnectionIsReplaced()
    {
        app = await StartAppAsync(silence: "00:00:00.500");

        await Eventually.HoldsAsync(() => slack.SocketsOpened >= 3);
        slack.PeakSockets.Should().BeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task ACommandGetsItsResponsePayloadInTheAcknowledgementWhenTheBotIsBusy()
    {
        slack.OnSocket = async socket =>
        {
            for (var i = 0; i < 4; i++)
            {
                await socket.SendAsync(CommandEnvelope($"env-{i}"));
                acks.Enqueue((await socket.ReceiveAsync(Wait))!);
            }
        };

        app = await SlackTestApp.StartAsync(slack, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = null,
            ["Slack:AppToken"] = "xapp-1-test",
            ["Slack:AckBudget"] = "00:00:00.300",
        }, recordTurns: false, services: s => s.AddSingleton(new TurnInbox(capacity: 1)));

        await Eventually.HoldsAsync(() => acks.Count == 4);
        var busy = acks.Where(a => a.ContainsKey("payload")).ToList();
        busy.Should().NotBeEmpty("nothing drains the turns, so the queue fills up");
        busy.Should().OnlyContain(a => a["payload"]!["response_type"]!.GetValue<string>() == "ephemeral");
        acks.First().ContainsKey("payload").Should().BeFalse();
    }
}
