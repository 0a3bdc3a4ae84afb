using CheckinBot.Core.Collaborations;

namespace CheckinBot.Host.Turns;

/// <summary>
/// Introduces the senders that read-only turns left for later (<see cref="PendingIntroductions"/>), one at a time, each in its
/// own scope: their directory profile looked up and the person stored, after their answer went out.
/// </summary>
public sealed partial class IntroductionWorker(PendingIntroductions queue, IServiceScopeFactory scopes, ILogger<IntroductionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var turn in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<Introductions>().KnowSenderAsync(turn, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The person's next turn offers the introduction again.
                    LogFailed(ex, turn.Platform, turn.WorkspaceId, turn.Person.Id);
                }
                finally
                {
                    queue.Done(turn);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Introducing person {PersonId} of {Platform} workspace {WorkspaceId} failed")]
    private partial void LogFailed(Exception exception, string platform, string workspaceId, string personId);
}
