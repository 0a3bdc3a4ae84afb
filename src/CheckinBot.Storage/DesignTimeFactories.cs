using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CheckinBot.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCheckinDbContext>
{
    public SqliteCheckinDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCheckinDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a host.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCheckinDbContext>
{
    public PostgresCheckinDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCheckinDbContext>().UseNpgsql("Host=localhost;Database=checkinbot_design").Options);
}
