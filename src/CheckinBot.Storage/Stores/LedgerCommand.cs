using System.Data.Common;
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
}
