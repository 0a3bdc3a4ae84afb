using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage;

/// <summary>Creates and migrates the database at start.</summary>
public sealed class DatabaseMigrator(CheckinDbContextFactory factory, StorageOptions options)
{
    /// <summary>Applies the migrations the database lacks; on one that has them all, only reads its migration history.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (!options.IsPostgres)
        {
            // Write-ahead logging lets the scheduler, the workers and the API read while one writes.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // Migrate() on an up-to-date database still builds every migration's model to compare with; the start skips it.
        // Several nodes may see the same pending list: Migrate() takes the database's migration lock and looks again.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>True when the database answers.</summary>
    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.Database.CanConnectAsync(cancellationToken);
    }
}
