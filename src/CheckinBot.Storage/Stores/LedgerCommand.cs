using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using CheckinBot.Core.Occurrences;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CheckinBot.Storage.Stores;

/// <summary>
/// Runs one hand-written ledger statement on the context's own connection, inside its transaction if one is open: raw
/// ADO.NET, nothing read, tracked or materialised. The fill is static and takes its state, so a call allocates no closure.
/// </summary>
internal static class LedgerCommand
{
    /// <summary>SQLite's parameter names, built once.</summary>
    private static readonly ConcurrentDictionary<int, string> Names = new();

    public static async Task<int> ExecuteAsync<TState>(CheckinDbContext db, TState state, Action<DbCommand, TState> fill, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            fill(command, state);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>"@p0", "@p1", …: the name of a SQLite statement's <paramref name="index"/>th parameter.</summary>
    public static string Name(int index) => Names.GetOrAdd(index, static i => "@p" + i.ToString(CultureInfo.InvariantCulture));

    /// <summary>A status as EF Core stores it, without formatting an enum for the common ones.</summary>
    public static string Text(OccurrenceStatus status) => status switch
    {
        OccurrenceStatus.Pending => nameof(OccurrenceStatus.Pending),
        OccurrenceStatus.Posted => nameof(OccurrenceStatus.Posted),
        OccurrenceStatus.Missed => nameof(OccurrenceStatus.Missed),
        OccurrenceStatus.Skipped => nameof(OccurrenceStatus.Skipped),
        OccurrenceStatus.Cancelled => nameof(OccurrenceStatus.Cancelled),
        _ => status.ToString(),
    };

    /// <summary>
    /// Appends <paramref name="rows"/> parenthesised rows of <paramref name="columns"/> SQLite parameters each, numbered
    /// in order, with <paramref name="constants"/> after each row's parameters.
    /// </summary>
    public static StringBuilder AppendRows(StringBuilder text, int rows, int columns, string constants)
    {
        for (var i = 0; i < rows; i++)
        {
            text.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                text.Append(c == 0 ? "" : ", ").Append(Name(i * columns + c));
            }

            text.Append(constants).Append(')');
        }

        return text;
    }
}
