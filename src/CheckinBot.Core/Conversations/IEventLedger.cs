using NodaTime;

namespace CheckinBot.Core.Conversations;

/// <summary>Port: inbound platform events already handled, kept long enough to outlive every retry schedule.</summary>
public interface IEventLedger
{
    /// <summary>Records an event id; false when it was recorded before (a retry that must have no second effect).</summary>
    Task<bool> TryRecordAsync(string platform, string eventId, Instant at, CancellationToken cancellationToken);

    /// <summary>Forgets events recorded before <paramref name="before"/>.</summary>
    Task PruneAsync(Instant before, CancellationToken cancellationToken);
}
