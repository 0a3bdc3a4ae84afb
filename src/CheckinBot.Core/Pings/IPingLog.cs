using NodaTime;

namespace CheckinBot.Core.Pings;

/// <summary>Port: every ping, counted; kept without its text.</summary>
public interface IPingLog
{
    Task AddAsync(Ping ping, CancellationToken cancellationToken);

    Task<Ping?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The last ping of <paramref name="personId"/> in the collaboration that got a full answer, if any.</summary>
    Task<Ping?> LastAnsweredAsync(Guid collaborationId, string personId, CancellationToken cancellationToken);

    /// <summary>How many pings the collaboration has had, ever.</summary>
    Task<int> CountAsync(Guid collaborationId, CancellationToken cancellationToken);

    /// <summary>Marks a ping passed on to the VA; false when it had been already.</summary>
    Task<bool> MarkEscalatedAsync(Guid id, Instant at, CancellationToken cancellationToken);

    /// <summary>The collaboration's pings from <paramref name="from"/> up to and including <paramref name="to"/>, oldest first.</summary>
    Task<IReadOnlyList<Ping>> ListAsync(Guid collaborationId, Instant from, Instant to, CancellationToken cancellationToken);
}
