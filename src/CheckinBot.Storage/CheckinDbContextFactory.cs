using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CheckinBot.Storage;

/// <summary>
/// Creates the context of the configured provider, from a pool: a turn takes a context that an earlier one set up and
/// gave back (reset), instead of building its services and change tracker again.
/// </summary>
public sealed class CheckinDbContextFactory : IDbContextFactory<CheckinDbContext>
{
    private readonly Func<CheckinDbContext> create;

    /// <remarks>
    /// A list in a query (<c>ids.Contains(o.Id)</c>) goes to the database as one parameter (a JSON array on SQLite, an
    /// array on PostgreSQL), not one parameter per element: a batch of 500 ids then has one SQL text and one cached
    /// plan, instead of SQL built again for every length.
    /// </remarks>
    public CheckinDbContextFactory(StorageOptions options, string connectionString)
    {
        ConnectionString = connectionString;
        if (options.IsPostgres)
        {
            var built = new DbContextOptionsBuilder<PostgresCheckinDbContext>().UseNpgsql(connectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).Options;
            var pool = new PooledDbContextFactory<PostgresCheckinDbContext>(built);
            create = pool.CreateDbContext;
        }
        else
        {
            var built = new DbContextOptionsBuilder<SqliteCheckinDbContext>().UseSqlite(connectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).AddInterceptors(new SqlitePragmas()).Options;
            var pool = new PooledDbContextFactory<SqliteCheckinDbContext>(built);
            create = pool.CreateDbContext;
        }
    }

    public string ConnectionString { get; }

    public CheckinDbContext CreateDbContext() => create();
}
