using System.Globalization;
using System.Text;
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
        var baselineConversations = Math.Min(conversations, BurstArguments.Number(args, "--baseline-conversations", conversations));
        var expected = (long)conversations * perConversation;
        var root = Directory.CreateTempSubdirectory("checkinbot-burst-");
        try
        {
            if (args.Contains("--postgres-only"))
            {
                // While tuning the PostgreSQL run: only its block, without the SQLite node and the baseline.
                var onlyServer = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } set ? set : throw new InvalidOperationException($"--postgres-only needs {PostgresVariable}.");
                Console.WriteLine("CheckinBot on PostgreSQL, two nodes …");
                var only = await OnPostgresAsync(onlyServer, conversations, perConversation, expected, args.Contains("--pg-stats"));
                Console.Write(BurstReport.Heading(conversations, perConversation) + BurstReport.Run(only));
                return only.Posted == expected ? 0 : 1;
            }

            Console.WriteLine($"Agreeing {expected:N0} rhythms in {conversations:N0} conversations, all due at 17:00 …");
            var ours = BurstStore.Sqlite(Path.Combine(root.FullName, "ours"));
            var agreed = await BurstWorld.SeedAsync(ours, conversations, perConversation);
            var quartz = BurstStore.Sqlite(Path.Combine(root.FullName, "quartz"));
            CopyDatabase(ours, quartz);

            var report = new StringBuilder(BurstReport.Heading(conversations, perConversation));
            Console.WriteLine("CheckinBot on SQLite, one node …");
            var sqlite = await BurstRun.MeasureAsync("CheckinBot, SQLite", expected, [["burst-node", .. ours.Arguments(), "--worker", "node-1"]]);
            Console.Write(BurstReport.Run(sqlite));
            report.Append(BurstReport.Run(sqlite));

            // The baseline's rhythms are the first of the same world (all of them unless --baseline-conversations says fewer).
            var baselineRhythms = agreed.Take(baselineConversations * perConversation).ToList();
            Console.WriteLine($"Baseline: a Quartz trigger for each of {baselineRhythms.Count:N0} rhythms on Quartz's SQLite store (at most {baselineCap} s) …");
            await QuartzBaseline.SeedAsync(quartz, baselineRhythms);
            var baseline = await BurstRun.MeasureAsync("Quartz trigger per rhythm, SQLite", baselineRhythms.Count,
                [["quartz-node", .. quartz.Arguments(), "--expected", baselineRhythms.Count.ToString(CultureInfo.InvariantCulture), "--cap", baselineCap.ToString(CultureInfo.InvariantCulture)]]);
            Console.Write(BurstReport.Run(baseline));
            report.Append(BurstReport.Run(baseline));
            report.Append(BurstReport.Comparison(sqlite, baseline));

            var all = sqlite.Posted == expected;
            if (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server)
            {
                Console.WriteLine("CheckinBot on PostgreSQL, two nodes …");
                var postgres = await OnPostgresAsync(server, conversations, perConversation, expected, args.Contains("--pg-stats"));
                report.Append(BurstReport.Run(postgres));
                all &= postgres.Posted == expected;
            }

            Console.WriteLine();
            Console.WriteLine("────────────────────────────────────────────────────────────────────────");
            Console.Write(report);
            return all ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            root.Delete(recursive: true);
        }
    }

    private static async Task<BurstRun> OnPostgresAsync(string server, int conversations, int perConversation, long expected, bool statements)
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
            await using var probe = await PostgresProbe.OpenAsync(server, database, statements);
            return await BurstRun.MeasureAsync("CheckinBot, PostgreSQL, 2 nodes", expected,
                [["burst-node", .. store.Arguments(), "--worker", "node-1"], ["burst-node", .. store.Arguments(), "--worker", "node-2"]], probe);
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
