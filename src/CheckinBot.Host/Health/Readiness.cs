using CheckinBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace CheckinBot.Host.Health;

/// <summary>Ready once the database is migrated and answers, and the scheduler runs.</summary>
public sealed class Readiness(DatabaseMigrator database, IServiceProvider services, CheckinBot.Scheduling.SchedulingOptions scheduling, StartupTimeline timeline) : IHealthCheck
{
    private volatile bool migrated;
    private int firstReady;

    public void MarkMigrated() => migrated = true;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!migrated)
        {
            return HealthCheckResult.Unhealthy("database not migrated yet");
        }

        if (!await database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("database does not answer");
        }

        if (scheduling.RunScheduler)
        {
            var factory = services.GetService<ISchedulerFactory>();
            var scheduler = factory is null ? null : await factory.GetScheduler(cancellationToken);
            if (scheduler?.Status != SchedulerStatus.Running)
            {
                return HealthCheckResult.Unhealthy("scheduler not running");
            }
        }

        if (Interlocked.Exchange(ref firstReady, 1) == 0)
        {
            timeline.Mark("first ready");
        }

        return HealthCheckResult.Healthy();
    }
}
