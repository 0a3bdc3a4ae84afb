using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage;

/// <summary>The schema on SQLite, with its own migrations.</summary>
public sealed class SqliteCheckinDbContext(DbContextOptions<SqliteCheckinDbContext> options) : CheckinDbContext(options);

/// <summary>The schema on PostgreSQL, with its own migrations.</summary>
public sealed class PostgresCheckinDbContext(DbContextOptions<PostgresCheckinDbContext> options) : CheckinDbContext(options);
