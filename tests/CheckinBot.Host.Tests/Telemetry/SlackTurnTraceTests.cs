using System.Diagnostics;
using CheckinBot.Core.Telemetry;
using CheckinBot.Host.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>One Slack slash command, traced with the host's own tracing set-up into an in-memory exporter.</summary>
public sealed class SlackTurnTraceTests : IAsyncLifetime
{
    private readonly SpanCollection spans = [];
    private SlackBot bot = null!;

    public async Task InitializeAsync() =>
        bot = await SlackBot.StartAsync(services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddCheckinBotTracing().AddInMemoryExporter(spans)));

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task ACommandIsOneTraceFromTheRequestThroughTurnDispatchAndHandlerToTheOutboundPost()
    {
        using var trace = new TestTrace();

        using var response = await bot.Client.SendAsync(SignedSlack.Command("UVA00001", "setup <@UCLIENT01|pieter>", "otel1"));
        response.EnsureSuccessStatusCode();
        // The request's own span ends only after its response has gone out, so the client may read the answer before
        // it is exported: wait for all three, not just the turn and the post.
        await SignedSlack.EventuallyAsync(
            () => spans.Of(trace.TraceId).Any(IsCommandRequest)
                && spans.Of(trace.TraceId).Any(s => s.OperationName == TurnTelemetry.TurnSpan)
                && PostOf(spans.Of(trace.TraceId)) is not null,
            "the request, the turn and its channel post");

        var all = spans.Of(trace.TraceId);
        var request = all.Single(IsCommandRequest);

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

    private static bool IsCommandRequest(Activity span) =>
        span.Kind == ActivityKind.Server && (span.GetTagItem("url.path") as string) == "/slack/commands";

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
