using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage;

/// <summary>Creates the context of the configured provider.</summary>
public sealed class CheckinDbContextFactory : IDbContextFactory<CheckinDbContext>
{
    private readonly Func<CheckinDbContext> create;

    public CheckinDbContextFactory(StorageOptions options, string connectionString)
    {
        ConnectionString = connectionString;
        if (options.IsPostgres)
        {
            var built = new DbContextOptionsBuilder<PostgresCheckinDbContext>().UseNpgsql(connectionString).Options;
            create = () => new PostgresCheckinDbContext(built);
        }
        else
        {
            var built = new DbContextOptionsBuilder<SqliteCheckinDbContext>().UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()).Options;
            create = () => new SqliteCheckinDbContext(built);
        }
    }

    public string ConnectionString { get; }

    public CheckinDbContext CreateDbContext() => create();
}
