using System.Globalization;
using Npgsql;

namespace CheckinBot.Bench.Burst;

/// <summary>
/// What PostgreSQL itself spends on a burst, read beside it: the CPU of the server's backends for the burst's database
/// (from <c>/proc/&lt;pid&gt;/stat</c>; the server's shared writers are not counted), and what those backends were doing,
/// from <c>pg_stat_activity</c> sampled every 20 ms: on CPU, waiting (on what), or idle waiting for a node.
/// </summary>
internal sealed class PostgresProbe : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(20);

    /// <summary>The claim's index, by its name since ClaimInClaimOrder and before it.</summary>
    private static readonly string[] ClaimIndexes = ["IX_Occurrences_Claim_Pending", "IX_Occurrences_Due_Pending"];

    /// <summary>Linux counts a process' CPU in ticks of 1/100 s (<c>USER_HZ</c>).</summary>
    private const double TicksPerSecond = 100;

    private readonly NpgsqlConnection connection;
    private readonly NpgsqlConnection inside;
    private readonly string database;
    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private Dictionary<int, long> cpuAtStart = [];
    private Dictionary<string, long> countsAtStart = [];
    private Task? sampling;
    private int samples;

    private PostgresProbe(NpgsqlConnection connection, NpgsqlConnection inside, string database)
    {
        this.connection = connection;
        this.inside = inside;
        this.database = database;
    }

    public static async Task<PostgresProbe> OpenAsync(string server, string database)
    {
        var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        var inside = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ToString());
        await inside.OpenAsync();
        return new PostgresProbe(connection, inside, database);
    }

    /// <summary>From the due minute: the backends' CPU so far, then a sample every 20 ms until <see cref="StopAsync"/>.</summary>
    public async Task StartAsync()
    {
        cpuAtStart = (await BackendsAsync()).ToDictionary(b => b, Cpu);
        countsAtStart = await CountsAsync();
        sampling = SampleAsync(stop.Token);
    }

    /// <summary>One line for the report: the backends' CPU from the due minute, and the average number busy, by what they did.</summary>
    public async Task<string> StopAsync()
    {
        await stop.CancelAsync();
        if (sampling is not null)
        {
            await sampling;
        }

        var backends = await BackendsAsync();
        // A backend flushes its statistics when it goes idle, at most once a second, or else ten seconds later (PostgreSQL 15).
        await Task.Delay(TimeSpan.FromSeconds(11));
        var counts = await CountsAsync();
        long Since(string key) => counts.GetValueOrDefault(key) - countsAtStart.GetValueOrDefault(key);
        var work = string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {Since(c.Key):N0}")));
        var hot = string.Create(CultureInfo.InvariantCulture,
            $"HOT share of the ledger's updates (n_tup_hot_upd / n_tup_upd) {Since("HOT updates of Occurrences") / (double)Math.Max(1, Since("updates of Occurrences")):P1}");
        // The claim's index by either name (IX_Occurrences_Due_Pending until ClaimInClaimOrder): what one claim read.
        var perClaim = ClaimIndexes.Where(i => counts.ContainsKey(i + " scans")).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"; claim index {i}: {Since(i + " entries read") / (double)Math.Max(1, Since(i + " scans")):N0} entries read per scan"));
        var cpu = backends.Sum(b => Cpu(b) - cpuAtStart.GetValueOrDefault(b)) / TicksPerSecond;
        var busy = seen.Where(s => s.Key != "idle").OrderByDescending(s => s.Value)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value / (double)Math.Max(1, samples):F2}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{cpu:F2} s of CPU in {backends.Count} backends; busy backends on average (sampled {samples} times): {string.Join(", ", busy)}; idle {seen.GetValueOrDefault("idle") / (double)Math.Max(1, samples):F2}; {hot}{string.Concat(perClaim)}; {work}");
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        stop.Dispose();
        await connection.DisposeAsync();
        await inside.DisposeAsync();
    }

    /// <summary>The database's commits and rows, and each ledger index's scans and entries read, as the statistics have them.</summary>
    private async Task<Dictionary<string, long>> CountsAsync()
    {
        await using var command = new NpgsqlCommand("""
            SELECT 'commits', xact_commit FROM pg_stat_database WHERE datname = current_database()
            UNION ALL SELECT 'rows returned', tup_returned FROM pg_stat_database WHERE datname = current_database()
            UNION ALL SELECT 'rows fetched', tup_fetched FROM pg_stat_database WHERE datname = current_database()
            UNION ALL SELECT 'rows updated', tup_updated FROM pg_stat_database WHERE datname = current_database()
            UNION ALL SELECT 'updates of Occurrences', n_tup_upd FROM pg_stat_user_tables WHERE relname = 'Occurrences'
            UNION ALL SELECT 'HOT updates of Occurrences', n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'Occurrences'
            UNION ALL SELECT indexrelname || ' scans', idx_scan FROM pg_stat_user_indexes WHERE relname = 'Occurrences'
            UNION ALL SELECT indexrelname || ' entries read', idx_tup_read FROM pg_stat_user_indexes WHERE relname = 'Occurrences'
            """, inside);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await using (var command = new NpgsqlCommand(
                    "SELECT state, wait_event_type, wait_event FROM pg_stat_activity WHERE datname = @db AND backend_type = 'client backend'", connection))
                {
                    command.Parameters.AddWithValue("db", database);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var state = reader.IsDBNull(0) ? "unknown" : reader.GetString(0);
                        var what = state != "active" ? state : reader.IsDBNull(1) ? "on CPU" : $"{reader.GetString(1)}:{reader.GetString(2)}";
                        seen[what] = seen.GetValueOrDefault(what) + 1;
                    }
                }

                samples++;
                await Task.Delay(Every, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<List<int>> BackendsAsync()
    {
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @db AND backend_type = 'client backend'", connection);
        command.Parameters.AddWithValue("db", database);
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    /// <summary>A process' user and system time in ticks; zero when it is gone or cannot be read.</summary>
    private static long Cpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
