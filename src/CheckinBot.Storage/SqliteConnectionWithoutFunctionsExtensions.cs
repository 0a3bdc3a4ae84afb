using Microsoft.EntityFrameworkCore;

// EF Core's SQLite connection service is an internal API: the one way to give EF Core a connection of our own making.
#pragma warning disable EF1001
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace CheckinBot.Storage;

/// <summary>Puts <see cref="SqliteConnectionWithoutFunctions"/> in place of EF Core's own SQLite connection.</summary>
internal static class SqliteConnectionWithoutFunctionsExtensions
{
    public static DbContextOptionsBuilder<TContext> WithoutSqliteFunctions<TContext>(this DbContextOptionsBuilder<TContext> builder)
        where TContext : DbContext =>
        builder.ReplaceService<ISqliteRelationalConnection, SqliteConnectionWithoutFunctions>();
}
#pragma warning restore EF1001
