using NodaTime;

namespace CheckinBot.Core.Conversations;

/// <summary>
/// Port: inbound platform events, kept long enough to outlive every retry schedule. An event is claimed while its turn
/// runs and marked done only after the turn's effects are stored, so a turn that fails is run again by the platform's
/// retry, and a retry of one that succeeded has no effect.
/// </summary>
public interface IEventLedger
{
    /// <summary>
    /// Claims an event for the turn about to run; false when it is done, or claimed by a turn still running (a
    /// duplicate arriving at the same moment). A claim older than <paramref name="lease"/> (its node died) is taken over.
    /// </summary>
    Task<bool> TryClaimAsync(string platform, string eventId, Instant now, Duration lease, CancellationToken cancellationToken);

    /// <summary>Marks a claimed event done: its effects are stored.</summary>
    Task CompleteAsync(string platform, string eventId, CancellationToken cancellationToken);

    /// <summary>Gives a claim up after a failed turn, so that the platform's retry runs it again.</summary>
    Task ReleaseAsync(string platform, string eventId, CancellationToken cancellationToken);

    /// <summary>Records an event that causes nothing to wait for as done at once; false when it was recorded before.</summary>
    Task<bool> TryRecordAsync(string platform, string eventId, Instant at, CancellationToken cancellationToken);

    /// <summary>Forgets events recorded before <paramref name="before"/>.</summary>
    Task PruneAsync(Instant before, CancellationToken cancellationToken);
}
