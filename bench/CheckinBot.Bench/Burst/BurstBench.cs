using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CheckinBot.Bench.Burst;

/// <summary>
/// The burst: many rhythms due in the same minute, delivered by CheckinBot nodes in processes of their own, beside a
/// baseline that gives every rhythm its own Quartz trigger; then, when <c>CHECKINBOT_TEST_POSTGRES</c> is set, the same
/// burst on PostgreSQL with two nodes. Prints one block of figures.
/// </summary>
internal static class BurstBench
{
    public const string PostgresVariable = "CHECKINBOT_TEST_POSTGRES";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var conversations = BurstArguments.Number(args, "--conversations", 10_000);
        var perConversation = BurstArguments.Number(args, "--rhythms-per-conversation", 10);
        var baselineCap = BurstArguments.Number(args, "--baseline-seconds", 600);
        var expected = (long)conversations * perConversation;
        var root = Directory.CreateTempSubdirectory("checkinbot-burst-");
        try
        {
            Console.WriteLine($"Agreeing {expected:N0} rhythms in {conversations:N0} conversations, all due at 17:00 …");
            var ours = BurstStore.Sqlite(Path.Combine(root.FullName, "ours"));
            var agreed = await BurstWorld.SeedAsync(ours, conversations, perConversation);
            var quartz = BurstStore.Sqlite(Path.Combine(root.FullName, "quartz"));
            CopyDatabase(ours, quartz);

            var runs = new List<BurstRun>();
            Console.WriteLine("CheckinBot on SQLite, one node …");
            runs.Add(await BurstRun.MeasureAsync("CheckinBot, SQLite", expected, [["burst-node", .. ours.Arguments(), "--worker", "node-1"]]));

            Console.WriteLine($"Baseline: a Quartz trigger per rhythm on Quartz's SQLite store (at most {baselineCap} s) …");
            await QuartzBaseline.SeedAsync(quartz, agreed);
            runs.Add(await BurstRun.MeasureAsync("Quartz trigger per rhythm, SQLite", expected,
                [["quartz-node", .. quartz.Arguments(), "--expected", expected.ToString(CultureInfo.InvariantCulture), "--cap", baselineCap.ToString(CultureInfo.InvariantCulture)]]));

            if (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server)
            {
                Console.WriteLine("CheckinBot on PostgreSQL, two nodes …");
                runs.Add(await OnPostgresAsync(server, conversations, perConversation, expected));
            }

            Console.WriteLine();
            Console.Write(BurstReport.Render(conversations, perConversation, runs));
            return runs.All(r => r.Posted == r.Expected || r.Name.StartsWith("Quartz", StringComparison.Ordinal)) ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            root.Delete(recursive: true);
        }
    }

    private static async Task<BurstRun> OnPostgresAsync(string server, int conversations, int perConversation, long expected)
    {
        var database = "checkinbot_burst_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            var store = BurstStore.Postgres(new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString());
            await BurstWorld.SeedAsync(store, conversations, perConversation);
            return await BurstRun.MeasureAsync("CheckinBot, PostgreSQL, 2 nodes", expected,
                [["burst-node", .. store.Arguments(), "--worker", "node-1"], ["burst-node", .. store.Arguments(), "--worker", "node-2"]]);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The baseline starts from the very same agreed world: a copy of the seeded SQLite file.</summary>
    private static void CopyDatabase(BurstStore from, BurstStore to)
    {
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(from.Folder, "checkinbot.db")}"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(to.Folder);
        File.Copy(Path.Combine(from.Folder, "checkinbot.db"), Path.Combine(to.Folder, "checkinbot.db"));
    }
}
