using System.Collections.Concurrent;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Turns;
using Microsoft.Extensions.Hosting;

namespace CheckinBot.Slack.Tests.Support;

/// <summary>Stands in for the host's drain of the turn inbox: dedups on the event id like the dispatcher, and records.</summary>
public sealed class RecordingDrain(TurnInbox inbox, IEventLedger events, TimeProvider time) : BackgroundService
{
    public ConcurrentQueue<ChatTurn> Turns { get; } = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var queued in inbox.Reader.ReadAllAsync(stoppingToken))
        {
            var turn = queued.Turn;
            if (turn.EventId is null ||
                await events.TryRecordAsync(turn.Platform, turn.EventId, NodaTime.Instant.FromDateTimeOffset(time.GetUtcNow()), stoppingToken))
            {
                Turns.Enqueue(turn);
            }
        }
    }
}
