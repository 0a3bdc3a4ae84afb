using CheckinBot.Core.Clock;
using CheckinBot.Core.Occurrences;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CheckinBot.Scheduling;

/// <summary>
/// Time travel: moves the bot's clock forward, stopping at every moment a reminder or post falls due on the way and
/// running the same planning and delivery there as the scheduler would have, so that each post is made at its due time.
/// </summary>
public sealed class ClockRunner(TravellingClock clock, IServiceScopeFactory scopes, DeliveryOptions options, SchedulingOptions scheduling) : IClockControl, IDisposable
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public bool Enabled => scheduling.TimeTravel;

    public async Task<Instant> AdvanceAsync(Duration by, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            throw new InvalidOperationException("Time travel is off.");
        }

        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var target = Now() + by;
            while (true)
            {
                await RunCycleAsync(Now(), cancellationToken);
                var next = await NextStopAsync(Now(), cancellationToken);
                if (next is null || next >= target)
                {
                    clock.MoveTo(target.ToDateTimeOffset());
                    await RunCycleAsync(target, cancellationToken);
                    await SaveMarkAsync(cancellationToken);
                    return Now();
                }

                clock.MoveTo(next.Value.ToDateTimeOffset());
            }
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> while the clock is not being moved: the delivery loop's passes wait for time travel,
    /// whose stops deliver themselves, so that what fell due on the way is all out when the travel returns.
    /// </summary>
    public async Task<T> WhileStillAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>After a restart, puts the clock back where time travel had moved it, never earlier.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<IClockMarkStore>().LoadAsync(cancellationToken) is { } mark)
        {
            clock.MoveTo(mark.ToDateTimeOffset());
        }
    }

    public void Dispose() => oneAtATime.Dispose();

    private async Task SaveMarkAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IClockMarkStore>().SaveAsync(Now(), cancellationToken);
    }

    private Instant Now() => Instant.FromDateTimeOffset(clock.GetUtcNow());

    private async Task RunCycleAsync(Instant now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliveryCycle>().RunAsync(now, cancellationToken);
    }

    /// <summary>The next moment something is due: a planned post or reminder, or the moment the planner must write the next occurrence.</summary>
    private async Task<Instant?> NextStopAsync(Instant now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var ledgerNext = await scope.ServiceProvider.GetRequiredService<IOccurrenceLedger>().NextDueAfterAsync(now, cancellationToken);
        var plannerNext = await scope.ServiceProvider.GetRequiredService<OccurrencePlanner>().NextUnplannedAsync(now, cancellationToken);
        Instant? planAt = plannerNext is { } due ? Instant.Max(due - options.ReminderLead, now + Duration.FromSeconds(1)) : null;
        return (ledgerNext, planAt) switch
        {
            (null, var p) => p,
            (var l, null) => l,
            var (l, p) => l < p ? l : p,
        };
    }
}
