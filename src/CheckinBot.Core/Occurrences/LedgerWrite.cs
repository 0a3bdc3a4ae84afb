using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>
/// The one sequence of a recorder's write (<see cref="IOccurrenceLedger.WriteAsync"/>): the marks first, then the
/// outcomes. The port's default runs it as it is; a store that commits both at once runs it inside its transaction.
/// </summary>
public static class LedgerWrite
{
    public static async Task MarksThenOutcomesAsync(IOccurrenceLedger ledger, string owner, IReadOnlyCollection<Guid> marked, Instant markedAt,
        IReadOnlyCollection<PostOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (marked.Count > 0)
        {
            await ledger.MarkSendingAsync(owner, marked, markedAt, cancellationToken);
        }

        if (outcomes.Count > 0)
        {
            await ledger.RecordAsync(owner, outcomes, cancellationToken);
        }
    }
}
