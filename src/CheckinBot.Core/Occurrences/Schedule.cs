using CheckinBot.Core.Rhythms;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>Reads what is coming: the next due occurrence of a collaboration, honouring pauses and skips.</summary>
public sealed class Schedule(IRhythmStore rhythms, IOccurrenceLedger ledger)
{
    private static readonly Duration LookAhead = Duration.FromDays(120);

    /// <summary>The next occurrence after <paramref name="now"/> of the collaboration's running rhythms, if any.</summary>
    public async Task<(Rhythm Rhythm, Instant Due)?> NextAsync(Guid collaborationId, Instant now, CancellationToken cancellationToken, int? rhythmNumber = null)
    {
        var all = await rhythms.ListByCollaborationAsync(collaborationId, cancellationToken);
        var candidates = all.Where(r => r.IsScheduled && (rhythmNumber is null || r.Number == rhythmNumber)).ToList();
        return candidates.Count == 0 ? null : await NextOfAsync(candidates, collaborationId, now, cancellationToken);
    }

    public async Task<(Rhythm Rhythm, Instant Due)?> NextOfAsync(IReadOnlyCollection<Rhythm> candidates, Guid collaborationId, Instant now, CancellationToken cancellationToken)
    {
        var known = await ledger.ListByCollaborationAsync(collaborationId, now, now + LookAhead, cancellationToken);
        // Skipped ones are left out, and so are those already posted ahead of time (Post now).
        var skipped = known.Where(o => o.Status is OccurrenceStatus.Skipped or OccurrenceStatus.Posted).Select(o => (o.RhythmId, o.Due)).ToHashSet();

        (Rhythm Rhythm, Instant Due)? best = null;
        foreach (var rhythm in candidates)
        {
            var recurrence = rhythm.Recurrence(DateTimeZoneProviders.Tzdb);
            var zone = recurrence.Zone;
            var at = now;
            while (at < now + LookAhead)
            {
                var due = recurrence.Next(at);
                if (rhythm.RunsOn(due.InZone(zone).Date) && !skipped.Contains((rhythm.Id, due)))
                {
                    if (best is null || due < best.Value.Due)
                    {
                        best = (rhythm, due);
                    }

                    break;
                }

                at = due;
            }
        }

        return best;
    }
}
