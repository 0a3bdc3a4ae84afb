using CheckinBot.Storage;

namespace CheckinBot.Bench.Burst;

/// <summary>Where a burst's database lives: a SQLite file in <see cref="Folder"/>, or a PostgreSQL connection string.</summary>
internal sealed record BurstStore(string Provider, string Connection, string Folder)
{
    public StorageOptions Options => new() { Provider = Provider, ConnectionString = Connection.Length == 0 ? null : Connection };

    public static BurstStore Sqlite(string folder) => new(StorageOptions.Sqlite, "", folder);

    public static BurstStore Postgres(string connection) => new(StorageOptions.Postgres, connection, Path.GetTempPath());

    public IEnumerable<string> Arguments() => ["--provider", Provider, "--connection", Connection, "--folder", Folder];

    public static BurstStore Parse(IReadOnlyList<string> args) =>
        new(BurstArguments.Text(args, "--provider", StorageOptions.Sqlite), BurstArguments.Text(args, "--connection", ""), BurstArguments.Text(args, "--folder", Path.GetTempPath()));
}
