using System.Collections.Concurrent;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Turns;
using CheckinBot.Slack.WebApi;
using CheckinBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CheckinBot.Slack.Tests.Support;

/// <summary>
/// Stands in for the host's workers: records each turn once per event id (what the adapter produced), then runs it
/// through the core's real <see cref="TurnRunner"/> with the test app's handlers.
/// </summary>
public sealed class RecordingDrain(TurnInbox inbox, IServiceScopeFactory scopes, TimeProvider time) : BackgroundService
{
    private readonly InMemoryEventLedger recorded = new();

    public ConcurrentQueue<ChatTurn> Turns { get; } = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var pending in inbox.ReadAllAsync(stoppingToken))
        {
            var turn = pending.Turn;
            if (turn.EventId is null ||
                await recorded.TryRecordAsync(turn.Platform, turn.EventId, NodaTime.Instant.FromDateTimeOffset(time.GetUtcNow()), stoppingToken))
            {
                Turns.Enqueue(turn);
            }

            _ = RunAsync(pending, stoppingToken);
        }
    }

    private async Task RunAsync(PendingTurn pending, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TurnRunner>().RunAsync(pending, stoppingToken);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or HttpRequestException or SlackApiException)
        {
            // Commands the test app has no handler for fail here, after they were recorded; the adapter got its ack.
        }
    }
}
