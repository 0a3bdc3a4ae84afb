using CheckinBot.Core.Rhythms;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>
/// Writes the occurrences due up to the planning horizon into the ledger, for every running rhythm,
/// from where it left off (its watermark) — so downtime is caught up and nothing is planned twice.
/// </summary>
/// <remarks>
/// Rhythms are read a page at a time, each page after the last (<see cref="PlanCursor"/>), and only when their watermark
/// lies before the horizon; a planned rhythm's watermark moves on to just before its next due instant, so the minutes
/// between two of its occurrences cost nothing.
/// </remarks>
public sealed class OccurrencePlanner(IRhythmStore rhythms, IOccurrenceLedger ledger, DeliveryOptions options)
{
    /// <summary>How many rhythms are planned together: what one page holds in memory.</summary>
    public const int PageSize = 1_000;

    public async Task<int> PlanAsync(Instant now, CancellationToken cancellationToken)
    {
        var horizon = now + options.PlanningHorizon;
        var added = 0;
        PlanCursor? after = null;
        while (true)
        {
            // Each page starts after the last: it reads its own rhythms only, and a watermark that did not move (another
            // node planned it meanwhile, or the store keeps none) is not read again.
            var page = await rhythms.ListToPlanAsync(horizon, PageSize, after, cancellationToken);
            if (page.Count > 0)
            {
                added += await PlanPageAsync(page, now, horizon, cancellationToken);
            }

            if (page.Count < PageSize)
            {
                return added;
            }

            after = PlanCursor.Of(page[^1]);
        }
    }

    private async Task<int> PlanPageAsync(IReadOnlyList<Rhythm> page, Instant now, Instant horizon, CancellationToken cancellationToken)
    {
        var seeds = new List<OccurrenceSeed>();
        var watermarks = new List<(Guid Id, Instant Until)>(page.Count);
        foreach (var rhythm in page)
        {
            var from = Instant.Max(rhythm.PlannedUntil, now - options.MaxCatchUp);
            var recurrence = rhythm.Recurrence(DateTimeZoneProviders.Tzdb);
            foreach (var due in recurrence.Between(from, horizon))
            {
                if (rhythm.RunsOn(due.InZone(recurrence.Zone).Date))
                {
                    seeds.Add(new OccurrenceSeed(rhythm.Id, rhythm.CollaborationId, due, due - options.ReminderLead));
                }
            }

            watermarks.Add((rhythm.Id, Watermark(recurrence, horizon)));
        }

        // Occurrences first, then the watermarks: a crash in between plans the page again, and the ledger keeps one of each.
        var added = seeds.Count == 0 ? 0 : await ledger.AddMissingAsync(seeds, cancellationToken);
        foreach (var group in watermarks.GroupBy(w => w.Until, w => w.Id))
        {
            await rhythms.AdvancePlannedUntilAsync(group.ToList(), group.Key, cancellationToken);
        }

        return added;
    }

    /// <summary>
    /// Planned up to the horizon means planned up to just before the next due instant after it: nothing falls between.
    /// A second's margin keeps the watermark exact in any store's precision.
    /// </summary>
    private static Instant Watermark(Recurrence recurrence, Instant horizon) =>
        Instant.Max(horizon, recurrence.Next(horizon) - Duration.FromSeconds(1));

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
