using Xunit.Abstractions;

namespace CheckinBot.Host.Tests.Fuzzing;

/// <summary>
/// 10,000 generated hostile requests per inbound endpoint, through real HTTP on loopback, seeded (CsCheck's PCG) so
/// that a failure names its seed and the request and runs the same again: no 5xx, no unhandled failure in the log,
/// every table unchanged.
/// </summary>
public sealed class HostileRequestFuzzTests(FuzzHost host, ITestOutputHelper output) : IClassFixture<FuzzHost>
{
    private const int Requests = 10_000;

    private async Task RunAsync(ulong seed, Func<Draw, HostileRequest> next)
    {
        var report = await host.RunAsync(seed, Requests, next);
        output.WriteLine(report.ToString());
        report.ShouldHaveChangedNothing();
    }

    [Fact]
    public Task Slack_commands_signed_garbage_and_wrong_headers_change_nothing() => RunAsync(101, host.Slack.Command);

    [Fact]
    public Task Slack_events_signed_garbage_and_wrong_headers_change_nothing() => RunAsync(102, host.Slack.Events);

    [Fact]
    public Task Slack_interactions_signed_garbage_and_wrong_headers_change_nothing() => RunAsync(103, host.Slack.Interactions);

    [Fact]
    public Task Teams_activities_garbage_with_a_valid_token_changes_nothing() => RunAsync(201, host.Teams.Next);

    [Fact]
    public Task Playground_messages_garbage_changes_nothing() => RunAsync(301, host.Playground.Messages);

    [Fact]
    public Task Playground_actions_garbage_changes_nothing() => RunAsync(302, host.Playground.Actions);

    [Fact]
    public Task Playground_clock_garbage_changes_nothing() => RunAsync(303, host.Playground.Clock);

    [Fact]
    public Task Playground_transcript_reads_change_nothing() => RunAsync(304, PlaygroundRequests.Transcript);
}
