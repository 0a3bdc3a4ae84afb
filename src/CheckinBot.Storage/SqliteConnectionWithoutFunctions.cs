using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

// EF Core's SQLite connection is an internal API: the one way to give it a connection of our own making.
#pragma warning disable EF1001
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace CheckinBot.Storage;

/// <summary>
/// EF Core's SQLite connection without the functions EF Core adds to it (<c>regexp</c> for <c>Regex.IsMatch</c>, and
/// <c>ef_add</c>, <c>ef_mod</c> … for arithmetic on <see cref="decimal"/>), which no query of this model uses.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite registers a connection's functions with SQLite again at every open, and EF Core opens and
/// closes the connection around every query: the seven registrations cost about 5.8 KB of garbage an open (handles,
/// names and delegates in SQLitePCL), three opens a Teams message. <c>OpeningASqliteConnectionCostsLittleTests</c> pins it.
/// </remarks>
internal sealed class SqliteConnectionWithoutFunctions(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override DbConnection CreateDbConnection() => new SqliteConnection(GetValidatedConnectionString());
}

#pragma warning restore EF1001
