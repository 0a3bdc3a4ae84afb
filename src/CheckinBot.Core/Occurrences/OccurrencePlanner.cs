using CheckinBot.Core.Rhythms;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>
/// Writes the occurrences due up to the planning horizon into the ledger, for every running rhythm,
/// from where it left off (its watermark) — so downtime is caught up and nothing is planned twice.
/// </summary>
public sealed class OccurrencePlanner(IRhythmStore rhythms, IOccurrenceLedger ledger, DeliveryOptions options)
{
    public async Task<int> PlanAsync(Instant now, CancellationToken cancellationToken)
    {
        var horizon = now + options.PlanningHorizon;
        var running = await rhythms.ListScheduledAsync(cancellationToken);
        var seeds = new List<OccurrenceSeed>();
        var advanced = new List<Guid>();
        foreach (var rhythm in running)
        {
            if (rhythm.PlannedUntil >= horizon)
            {
                continue;
            }

            var from = Instant.Max(rhythm.PlannedUntil, now - options.MaxCatchUp);
            var recurrence = rhythm.Recurrence(DateTimeZoneProviders.Tzdb);
            foreach (var due in recurrence.Between(from, horizon))
            {
                if (rhythm.RunsOn(due.InZone(recurrence.Zone).Date))
                {
                    seeds.Add(new OccurrenceSeed(rhythm.Id, rhythm.CollaborationId, due, due - options.ReminderLead));
                }
            }

            advanced.Add(rhythm.Id);
        }

        var added = seeds.Count == 0 ? 0 : await ledger.AddMissingAsync(seeds, cancellationToken);
        if (advanced.Count > 0)
        {
            await rhythms.AdvancePlannedUntilAsync(advanced, horizon, cancellationToken);
        }

        return added;
    }

    /// <summary>The earliest due instant, after <paramref name="now"/>, of any running rhythm that the planner has not written yet.</summary>
    public async Task<Instant?> NextUnplannedAsync(Instant now, CancellationToken cancellationToken)
    {
        Instant? earliest = null;
        foreach (var rhythm in await rhythms.ListScheduledAsync(cancellationToken))
        {
            var recurrence = rhythm.Recurrence(DateTimeZoneProviders.Tzdb);
            var at = Instant.Max(now, rhythm.PlannedUntil);
            for (var i = 0; i < 400; i++)
            {
                var due = recurrence.Next(at);
                if (rhythm.RunsOn(due.InZone(recurrence.Zone).Date))
                {
                    earliest = earliest is null || due < earliest ? due : earliest;
                    break;
                }

                at = due;
            }
        }

        return earliest;
    }
}
