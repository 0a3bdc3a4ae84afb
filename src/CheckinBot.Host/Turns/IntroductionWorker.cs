using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Turns;

namespace CheckinBot.Host.Turns;

/// <summary>
/// Introduces the senders that read-only turns left for later (<see cref="PendingIntroductions"/>): in batches, each in
/// its own scope (their directory profiles looked up together, the people stored in one write), and only while no turn
/// waits for an answer. While the answers keep the process busy the queue fills, and further introductions are skipped
/// and counted.
/// </summary>
public sealed partial class IntroductionWorker(
    PendingIntroductions queue, TurnInbox answers, IServiceScopeFactory scopes, ILogger<IntroductionWorker> logger) : BackgroundService
{
    /// <summary>The most senders introduced at once: one read, one write, and as many directory look-ups at a time.</summary>
    public const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await NextAsync(stoppingToken))
            {
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> NextAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await queue.IntroduceNextAsync(answers, BatchSize, async batch =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Introductions>().KnowSendersAsync(batch, stoppingToken);
            }, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The people's next turns offer their introductions again.
            LogFailed(ex);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Introducing a batch of senders failed")]
    private partial void LogFailed(Exception exception);
}
