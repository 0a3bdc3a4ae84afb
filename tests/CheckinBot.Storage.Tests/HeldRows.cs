using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CheckinBot.Storage.Tests;

/// <summary>
/// Tells a race test when one node's write has met rows another node's open transaction holds: the overlap such a test
/// forces, observed instead of hoped for.
/// </summary>
internal static class HeldRows
{
    /// <summary>
    /// SQLite: completes when <paramref name="writer"/> begins an INSERT. SQLite lets one writer in at a time, so while
    /// another transaction holds the write lock that INSERT has begun and waits. The writer's connection is opened here
    /// and stays open (with the hook on it) until the context is disposed.
    /// </summary>
    public static async Task<Task> SqliteInsertBegunAsync(CheckinDbContext writer)
    {
        var begun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await writer.Database.OpenConnectionAsync();
        var handle = ((SqliteConnection)writer.Database.GetDbConnection()).Handle!;
        SQLitePCL.raw.sqlite3_trace(handle, static (state, statement) =>
        {
            if (statement.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase))
            {
                ((TaskCompletionSource)state).TrySetResult();
            }
        }, begun);
        return begun.Task;
    }

    /// <summary>PostgreSQL: completes when a session on <paramref name="watcher"/>'s database waits for a row lock.</summary>
    public static async Task<Task> PostgresLockAwaitedAsync(CheckinDbContext watcher)
    {
        await watcher.Database.OpenConnectionAsync();
        return WaitAsync((NpgsqlConnection)watcher.Database.GetDbConnection());

        static async Task WaitAsync(NpgsqlConnection connection)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
            while ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                // Polls until it is so: the test waits for the state it needs, and asserts nothing about how long that took.
                await Task.Delay(10);
            }
        }
    }
}
