using System.Diagnostics;
using CheckinBot.Core.Telemetry;
using CheckinBot.Core.Turns;

namespace CheckinBot.Host.Turns;

/// <summary>
/// Drains the turn inbox with <see cref="TurnOptions.Workers"/> readers, each turn in its own scope through the core's
/// <see cref="TurnRunner"/>.
/// </summary>
public sealed partial class TurnInboxWorker(TurnInbox inbox, TurnOptions options, IServiceScopeFactory scopes, ILogger<TurnInboxWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Workers)).Select(_ => Task.Run(() => ReadAsync(stoppingToken), stoppingToken)));

    private async Task ReadAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var pending in inbox.Reader.ReadAllAsync(stoppingToken))
            {
                using var activity = TurnTelemetry.StartTurn(pending.Turn, pending.Origin);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<TurnRunner>().RunAsync(pending, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                    LogFailed(ex, pending.Turn.Platform, pending.Turn.EventId, pending.Turn.ConversationId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed on {Platform}, event {EventId}, conversation {ConversationId}")]
    private partial void LogFailed(Exception exception, string platform, string? eventId, string conversationId);
}
