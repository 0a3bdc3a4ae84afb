using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage;

/// <summary>Creates and migrates the database at start.</summary>
public sealed class DatabaseMigrator(CheckinDbContextFactory factory, StorageOptions options)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (!options.IsPostgres)
        {
            // Write-ahead logging lets the scheduler, the workers and the API read while one writes.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>True when the database answers.</summary>
    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.Database.CanConnectAsync(cancellationToken);
    }
}
