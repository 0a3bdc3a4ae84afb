using CheckinBot.Playground;
using CheckinBot.Scheduling;
using CheckinBot.Storage;

namespace CheckinBot.Host.Health;

/// <summary>Migrates the database and seeds the playground before anything else starts.</summary>
public sealed class StartupTasks(DatabaseMigrator database, IServiceScopeFactory scopes, PlaygroundOptions playground, Readiness readiness, ClockRunner clock, StartupTimeline timeline) : IHostedLifecycleService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        timeline.Mark("hosted services starting");
        await database.MigrateAsync(cancellationToken);
        timeline.Mark("database migrated");
        await clock.RestoreAsync(cancellationToken);
        timeline.Mark("clock restored");
        if (playground.Enabled)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PlaygroundSeeder>().SeedAsync(cancellationToken);
        }

        timeline.Mark("playground seeded");
        readiness.MarkMigrated();
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        timeline.Mark("hosted services started (key ring, scheduler, workers)");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
