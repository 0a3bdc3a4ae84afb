using CheckinBot.Playground;
using CheckinBot.Scheduling;
using CheckinBot.Storage;

namespace CheckinBot.Host.Health;

/// <summary>Migrates the database and seeds the playground before anything else starts.</summary>
public sealed class StartupTasks(DatabaseMigrator database, IServiceScopeFactory scopes, PlaygroundOptions playground, Readiness readiness, ClockRunner clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        await clock.RestoreAsync(cancellationToken);
        if (playground.Enabled)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PlaygroundSeeder>().SeedAsync(cancellationToken);
        }

        readiness.MarkMigrated();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
