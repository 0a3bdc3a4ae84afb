using NodaTime;

namespace CheckinBot.Core.Workspaces;

/// <summary>
/// Port: OAuth installs in progress, shared by every node. Only a hash of the state (bound to the browser) is kept;
/// each one expires and is used once.
/// </summary>
public interface IOAuthStateStore
{
    /// <summary>Keeps a new state's hash until <paramref name="expiresAt"/>, and drops the states that expired before <paramref name="now"/>.</summary>
    Task AddAsync(string hash, Instant expiresAt, Instant now, CancellationToken cancellationToken);

    /// <summary>Removes the state; true only for the one caller that found it unexpired.</summary>
    Task<bool> TryConsumeAsync(string hash, Instant now, CancellationToken cancellationToken);
}
