using CheckinBot.Core.Occurrences;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CheckinBot.Scheduling;

/// <summary>
/// Delivery on every node: wakes when something may be due (each minute, the next post or reminder, just after the earliest
/// lease on a due occurrence runs out, or at the latest after <see cref="SchedulingOptions.DeliveryPoll"/>), delivers
/// through <see cref="DeliveryCycle"/>, and sleeps again, all on the bot's clock. Nodes share a burst through the ledger's
/// claim, and a dead node's claims go out as soon as their lease ends.
/// </summary>
public sealed partial class DeliveryLoop(
    IServiceScopeFactory scopes, ClockRunner clockRunner, SchedulingOptions options, TimeProvider time, ILogger<DeliveryLoop> logger) : BackgroundService
{
    /// <summary>After a pass failed (the database away), the loop looks again this soon; its claims run out on their own.</summary>
    private static readonly Duration AfterFailure = Duration.FromSeconds(2);

    private readonly SemaphoreSlim nudge = new(0, 1);
    private readonly Lock watch = new();
    private readonly List<(Instant After, TaskCompletionSource<Instant> Asleep)> watchers = [];
    private (Instant PassAt, Instant Until)? asleep;

    /// <summary>Wakes the loop at once: something may have become due that it did not know of when it went to sleep.</summary>
    public void Wake()
    {
        try
        {
            nudge.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken, and not yet awake.
        }
    }

    /// <summary>
    /// Completes, with the instant it sleeps until, once the loop has finished a pass at <paramref name="after"/> or later
    /// and sleeps: for tests and tools that move the clock and must know that the loop saw the move.
    /// </summary>
    public Task<Instant> AsleepAfterAsync(Instant after)
    {
        lock (watch)
        {
            if (asleep is { } now && now.PassAt >= after)
            {
                return Task.FromResult(now.Until);
            }

            var watcher = new TaskCompletionSource<Instant>(TaskCreationOptions.RunContinuationsAsynchronously);
            watchers.Add((after, watcher));
            return watcher.Task;
        }
    }

    public override void Dispose()
    {
        nudge.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var (passAt, until) = await PassAsync(stoppingToken);
                await SleepAsync(passAt, until, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped: what was claimed and not posted stays leased until the lease runs out, then another node takes it.
        }
        finally
        {
            lock (watch)
            {
                watchers.ForEach(w => w.Asleep.TrySetCanceled(CancellationToken.None));
                watchers.Clear();
            }
        }
    }

    /// <summary>One pass, never during time travel: delivers what is due now and says when to look again.</summary>
    private async Task<(Instant PassAt, Instant Until)> PassAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await clockRunner.WhileStillAsync(async () =>
            {
                var now = Now();
                await using var scope = scopes.CreateAsyncScope();
                var cycle = scope.ServiceProvider.GetRequiredService<DeliveryCycle>();
                Log(await cycle.DeliverAsync(now, cancellationToken));

                // Seen from the pass's start: whatever fell due while it ran makes the next pass start at once.
                return (now, await cycle.NextWakeAsync(now, now + Duration.FromTimeSpan(options.DeliveryPoll), cancellationToken));
            }, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogPassFailed(ex.GetType().Name);
            return (Now(), Now() + AfterFailure);
        }
    }

    private async Task SleepAsync(Instant passAt, Instant until, CancellationToken cancellationToken)
    {
        var wait = until - Now();
        if (wait <= Duration.Zero)
        {
            return;
        }

        // The timer exists before the loop says it sleeps: a clock moved after that always wakes it.
        using var due = new CancellationTokenSource(wait.ToTimeSpan(), time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, due.Token);
        Asleep(passAt, until);
        try
        {
            await nudge.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The time came.
        }
        finally
        {
            lock (watch)
            {
                asleep = null;
            }
        }
    }

    private void Asleep(Instant passAt, Instant until)
    {
        lock (watch)
        {
            asleep = (passAt, until);
            foreach (var watcher in watchers.Where(w => w.After <= passAt).ToList())
            {
                watcher.Asleep.TrySetResult(until);
                watchers.Remove(watcher);
            }
        }
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    private void Log(DeliveryReport report)
    {
        if (report.Posted + report.Missed + report.Reminders + report.Failures.Count > 0)
        {
            LogPass(report.Posted, report.Late, report.Missed, report.Cancelled, report.Reminders, report.Failures.Count);
        }

        foreach (var failure in report.Failures)
        {
            LogFailure(failure.OccurrenceId, failure.Error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Delivered: posted {Posted} ({Late} late), missed {Missed}, cancelled {Cancelled}, reminders {Reminders}, failed {Failed}")]
    private partial void LogPass(int posted, int late, int missed, int cancelled, int reminders, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Occurrence {OccurrenceId} not posted ({Error}); it will be tried again")]
    private partial void LogFailure(Guid occurrenceId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery pass failed ({Error}); looking again shortly")]
    private partial void LogPassFailed(string error);
}
