using CheckinBot.Core.Turns;

namespace CheckinBot.Host.Turns;

/// <summary>Drains the turn inbox: the work adapters acknowledged and queued, a few turns at a time.</summary>
public sealed partial class TurnInboxWorker(TurnInbox inbox, IServiceScopeFactory scopes, ILogger<TurnInboxWorker> logger) : BackgroundService
{
    private const int Readers = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Readers).Select(_ => ReadAsync(stoppingToken)));

    private async Task ReadAsync(CancellationToken stoppingToken)
    {
        await foreach (var queued in inbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<TurnDispatcher>().DispatchAsync(queued.Turn, stoppingToken);
                if (queued.Afterwards is { } afterwards)
                {
                    await afterwards(outcome, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex, queued.Turn.Platform, queued.Turn.EventId, queued.Turn.ConversationId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed on {Platform}, event {EventId}, conversation {ConversationId}")]
    private partial void LogFailed(Exception exception, string platform, string? eventId, string conversationId);
}
