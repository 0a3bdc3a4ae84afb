using System.Globalization;
using Npgsql;

namespace CheckinBot.Bench.Burst;

/// <summary>
/// What PostgreSQL itself spends on a burst, read beside it: the CPU of the server's backends for the burst's database
/// (from <c>/proc/&lt;pid&gt;/stat</c>; the server's shared writers are not counted), and what those backends were doing,
/// from <c>pg_stat_activity</c> sampled every 20 ms: on CPU, waiting (on what), or idle waiting for a node. With
/// <c>--pg-stats</c> (and <c>pg_stat_statements</c> in the server's <c>shared_preload_libraries</c>) also the statements of
/// the setup and, reset at the due minute, of the burst alone: calls, time and shared buffers, and every index read.
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
    private readonly bool statements;
    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private Dictionary<int, long> cpuAtStart = [];
    private Dictionary<string, long> countsAtStart = [];
    private Task? sampling;
    private int samples;

    private PostgresProbe(NpgsqlConnection connection, NpgsqlConnection inside, string database, bool statements)
    {
        this.connection = connection;
        this.inside = inside;
        this.database = database;
        this.statements = statements;
    }

    /// <summary>The statements of the setup (from here to the due minute), when asked for and where they are counted.</summary>
    public string? Setup { get; private set; }

    /// <summary>
    /// Opens before the nodes start. With <paramref name="statements"/>, and <c>pg_stat_statements</c> loaded by the
    /// server, the extension is created in the burst's database and its counts for that database reset, so that what
    /// <see cref="StartAsync"/> reads is the setup alone; otherwise the report says why there are none.
    /// </summary>
    public static async Task<PostgresProbe> OpenAsync(string server, string database, bool statements)
    {
        var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        var inside = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ToString());
        await inside.OpenAsync();
        var probe = new PostgresProbe(connection, inside, database, statements && await StatementsLoadedAsync(inside));
        if (statements && !probe.statements)
        {
            Console.WriteLine("--pg-stats: pg_stat_statements is not in shared_preload_libraries; no statement figures.");
        }

        if (probe.statements)
        {
            await probe.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            await probe.ResetStatementsAsync();
        }

        return probe;
    }

    /// <summary>From the due minute: the backends' CPU so far, then a sample every 20 ms until <see cref="StopAsync"/>.</summary>
    public async Task StartAsync()
    {
        if (statements)
        {
            Setup = await TopStatementsAsync();
            await ResetStatementsAsync();
        }

        cpuAtStart = (await BackendsAsync()).ToDictionary(b => b, Cpu);
        countsAtStart = await CountsAsync();
        sampling = SampleAsync(stop.Token);
    }

    /// <summary>With <c>--pg-stats</c>: the burst's statements and each index's scans and entries read, from the due minute.</summary>
    public string? Burst { get; private set; }

    /// <summary>One line for the report: the backends' CPU from the due minute, and the average number busy, by what they did.</summary>
    public async Task<string> StopAsync()
    {
        await stop.CancelAsync();
        if (sampling is not null)
        {
            await sampling;
        }

        var backends = await BackendsAsync();
        var burstStatements = statements ? await TopStatementsAsync() : null;
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
        if (burstStatements is not null)
        {
            var indexes = counts.Keys.Where(k => k.EndsWith(" scans", StringComparison.Ordinal) && Since(k) > 0).Select(k => k[..^" scans".Length])
                .OrderByDescending(i => Since(i + " entries read"))
                .Select(i => string.Create(CultureInfo.InvariantCulture,
                    $"    {i}: {Since(i + " scans"):N0} scans, {Since(i + " entries read"):N0} entries read, {Since(i + " entries read") / (double)Math.Max(1, Since(i + " scans")):N0} a scan"));
            Burst = burstStatements + Environment.NewLine + "  indexes read from the due minute:" + Environment.NewLine + string.Join(Environment.NewLine, indexes);
        }

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
            UNION ALL SELECT indexrelname || ' scans', idx_scan FROM pg_stat_user_indexes
            UNION ALL SELECT indexrelname || ' entries read', idx_tup_read FROM pg_stat_user_indexes
            """, inside);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private static async Task<bool> StatementsLoadedAsync(NpgsqlConnection inside)
    {
        await using var command = new NpgsqlCommand("SELECT current_setting('shared_preload_libraries') LIKE '%pg_stat_statements%'", inside);
        return await command.ExecuteScalarAsync() is true;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, inside);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Only this database's counts: the server's other databases belong to others' runs.</summary>
    private Task ResetStatementsAsync() =>
        ExecuteAsync("SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)");

    /// <summary>The statements that took most time in this database since the last reset, one line each, the text shortened.</summary>
    private async Task<string> TopStatementsAsync()
    {
        await using var command = new NpgsqlCommand("""
            SELECT calls, total_exec_time, shared_blks_hit + shared_blks_read, rows, regexp_replace(query, '\s+', ' ', 'g')
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'
            ORDER BY total_exec_time DESC LIMIT 12
            """, inside);
        var lines = new List<string> { "    calls      total ms   buffers/call   rows/call  statement" };
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var calls = reader.GetInt64(0);
            var text = reader.GetString(4);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"    {calls,6:N0} {reader.GetDouble(1),12:N0} {reader.GetInt64(2) / (double)Math.Max(1, calls),14:N0} {reader.GetInt64(3) / (double)Math.Max(1, calls),11:N0}  {(text.Length > 160 ? text[..160] + " …" : text)}"));
        }

        return string.Join(Environment.NewLine, lines);
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
