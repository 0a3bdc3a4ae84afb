using CheckinBot.Core.Conversations;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;
using CheckinBot.Storage.Stores;
using NodaTime;

namespace CheckinBot.Storage.Tests.Turns;

/// <summary>
/// The rhythm store, refusing its next <see cref="Losses"/> saves the way the database refuses a write that lost a race
/// with another turn.
/// </summary>
public sealed class RacingRhythms
{
    private int losses;

    public int Losses { get => losses; set => losses = value; }

    internal bool LoseNext() => Interlocked.Decrement(ref losses) >= 0;

    internal sealed class Store(CheckinDbContext db, RacingRhythms race) : IRhythmStore
    {
        private readonly RhythmStore inner = new(db);

        public Task<IReadOnlyList<Rhythm>> ListByCollaborationAsync(Guid collaborationId, CancellationToken cancellationToken) =>
            inner.ListByCollaborationAsync(collaborationId, cancellationToken);

        public Task<IReadOnlyList<Rhythm>> ListWithTrailAsync(Guid collaborationId, CancellationToken cancellationToken) =>
            inner.ListWithTrailAsync(collaborationId, cancellationToken);

        public Task<IReadOnlyList<Rhythm>> ListScheduledAsync(CancellationToken cancellationToken) => inner.ListScheduledAsync(cancellationToken);

        public Task<IReadOnlyList<Rhythm>> ListToPlanAsync(Instant horizon, int max, PlanCursor? after, CancellationToken cancellationToken) =>
            inner.ListToPlanAsync(horizon, max, after, cancellationToken);

        public Task<IReadOnlyList<Rhythm>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
            inner.GetManyAsync(ids, cancellationToken);

        public Task SaveAsync(IReadOnlyCollection<Rhythm> rhythms, CancellationToken cancellationToken)
        {
            if (race.LoseNext())
            {
                db.ChangeTracker.Clear();
                throw new ConcurrentChangeException();
            }

            return inner.SaveAsync(rhythms, cancellationToken);
        }

        public Task AdvancePlannedUntilAsync(IReadOnlyCollection<Guid> rhythmIds, Instant until, CancellationToken cancellationToken) =>
            inner.AdvancePlannedUntilAsync(rhythmIds, until, cancellationToken);
    }
}
