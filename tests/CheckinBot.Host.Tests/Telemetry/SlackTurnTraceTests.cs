using System.Diagnostics;
using CheckinBot.Core.Telemetry;
using CheckinBot.Host.Telemetry;
using CheckinBot.Host.Tests.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>One Slack slash command, traced with the host's own tracing set-up into an in-memory exporter.</summary>
public sealed class SlackTurnTraceTests : IAsyncLifetime
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "checkinbot-otel-" + Guid.NewGuid().ToString("N"));
    private readonly SpanCollection spans = [];
    private FakeSlackApi slack = null!;
    private WebApplication host = null!;
    private HttpClient Client { get; set; } = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        host = BotApp.Build(
            [
                "--urls=http://127.0.0.1:0",
                $"--DataFolder={dataFolder}",
                "--Scheduling:Enabled=false",
                "--Logging:LogLevel:Default=Warning",
                .. SignedSlack.Settings(slack.BaseUrl),
            ],
            services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddCheckinBotTracing().AddInMemoryExporter(spans)));
        await host.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(host.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await host.StopAsync();
        await host.DisposeAsync();
        await slack.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
    }

    [Fact]
    public async Task ACommandIsOneTraceFromTheRequestThroughTurnDispatchAndHandlerToTheOutboundPost()
    {
        using var trace = new TestTrace();

        using var response = await Client.SendAsync(SignedSlack.Command("UVA00001", "setup <@UCLIENT01|pieter>", "otel1"));
        response.EnsureSuccessStatusCode();
        await SignedSlack.EventuallyAsync(
            () => spans.Of(trace.TraceId).Any(s => s.OperationName == TurnTelemetry.TurnSpan) && PostOf(spans.Of(trace.TraceId)) is not null,
            "the turn and its channel post");

        var all = spans.Of(trace.TraceId);
        var request = all.Single(s => s.Kind == ActivityKind.Server && (s.GetTagItem("url.path") as string) == "/slack/commands");

        var turn = all.Single(s => s.OperationName == TurnTelemetry.TurnSpan);
        turn.ParentSpanId.Should().Be(request.SpanId, "a worker runs the turn, in the trace of the request that queued it");
        turn.GetTagItem("checkinbot.platform").Should().Be("slack");
        turn.GetTagItem("checkinbot.conversation_id").Should().Be(SignedSlack.Channel);
        turn.GetTagItem("checkinbot.person_id").Should().Be("UVA00001");

        var dispatch = all.Single(s => s.OperationName == TurnTelemetry.DispatchSpan);
        dispatch.ParentSpanId.Should().Be(turn.SpanId);
        var handle = all.Single(s => s.OperationName == TurnTelemetry.HandleSpan);
        handle.ParentSpanId.Should().Be(dispatch.SpanId);
        handle.GetTagItem("checkinbot.command").Should().Be("SetupCommand");

        var post = PostOf(all)!;
        post.Kind.Should().Be(ActivityKind.Client);
        AncestorsOf(post, all).Should().Contain(turn, "the channel notice is posted within the turn");

        var tagValues = all.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString() ?? "").ToList();
        tagValues.Should().NotContain(v => v.Contains("xoxb", StringComparison.Ordinal) || v.Contains("<@UCLIENT01", StringComparison.Ordinal),
            "spans carry ids, never message texts or tokens");
    }

    private static Activity? PostOf(IReadOnlyList<Activity> spans) =>
        spans.FirstOrDefault(s => s.Kind == ActivityKind.Client && (s.GetTagItem("url.full") as string)?.EndsWith("/chat.postMessage", StringComparison.Ordinal) == true);

    private static IEnumerable<Activity> AncestorsOf(Activity span, IReadOnlyList<Activity> all)
    {
        for (var parent = all.FirstOrDefault(s => s.SpanId == span.ParentSpanId); parent is not null; parent = all.FirstOrDefault(s => s.SpanId == parent.ParentSpanId))
        {
            yield return parent;
        }
    }
}
