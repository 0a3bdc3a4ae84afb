using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
    /// The model is the compiled one under <c>CompiledModels/</c> (found through its assembly attribute), so a start does not
    /// build it from <see cref="CheckinDbContext"/>'s configuration; a test compares the two. For the same reason the
    /// migrator is not asked to compare the model with the migrations on every start (that builds the model anyway): a
    /// test asserts that no change lacks its migration.
    /// A list in a query (<c>ids.Contains(o.Id)</c>) goes to the database as one parameter (a JSON array on SQLite, an
    /// array on PostgreSQL), not one parameter per element: a batch of 500 ids then has one SQL text and one cached
    /// plan, instead of SQL built again for every length.
    /// On SQLite the connection is <see cref="SqliteConnectionWithoutFunctions"/>: EF Core's own registers seven functions,
    /// which no query here uses, again at every open.
    /// </remarks>
    public CheckinDbContextFactory(StorageOptions options, string connectionString)
    {
        ConnectionString = connectionString;
        if (options.IsPostgres)
        {
            var built = new DbContextOptionsBuilder<PostgresCheckinDbContext>().UseNpgsql(connectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).ConfigureWarnings(IgnorePendingModelChanges).Options;
            var pool = new PooledDbContextFactory<PostgresCheckinDbContext>(built);
            create = pool.CreateDbContext;
        }
        else
        {
            var built = new DbContextOptionsBuilder<SqliteCheckinDbContext>().UseSqlite(connectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).AddInterceptors(new SqlitePragmas()).WithoutSqliteFunctions().ConfigureWarnings(IgnorePendingModelChanges).Options;
            var pool = new PooledDbContextFactory<SqliteCheckinDbContext>(built);
            create = pool.CreateDbContext;
        }
    }

    public string ConnectionString { get; }

    public CheckinDbContext CreateDbContext() => create();

    private static void IgnorePendingModelChanges(WarningsConfigurationBuilder warnings) => warnings.Ignore(RelationalEventId.PendingModelChangesWarning);
}
