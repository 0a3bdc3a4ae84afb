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
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Math.Max(1, options.Workers);
        EnoughThreadsFor(workers);
        return Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => ReadAsync(stoppingToken), stoppingToken)));
    }

    /// <summary>
    /// Lets the thread pool start a thread for every worker at once. SQLite's ADO.NET provider runs its async methods
    /// synchronously, so a turn holds a pool thread while it reads or waits for the write lock; with the default minimum
    /// (one per core) the pool adds threads only a few a second, and requests queue behind the turns meanwhile.
    /// </summary>
    private static void EnoughThreadsFor(int workers)
    {
        ThreadPool.GetMinThreads(out var threads, out var completionThreads);
        var wanted = workers + (4 * Environment.ProcessorCount);
        if (threads < wanted)
        {
            ThreadPool.SetMinThreads(wanted, completionThreads);
        }
    }

    private async Task ReadAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var pending in inbox.ReadAllAsync(stoppingToken))
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
