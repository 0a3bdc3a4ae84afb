using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;
using NodaTime;

namespace CheckinBot.Core.Pings;

/// <summary>Reads what a ping answer may promise: the next occurrence, a pause and its end, or no rhythm at all.</summary>
public sealed class OutlookReader(IRhythmStore rhythms, Schedule schedule)
{
    public async Task<Outlook> ReadAsync(Guid collaborationId, Instant now, CancellationToken cancellationToken)
    {
        var all = await rhythms.ListByCollaborationAsync(collaborationId, cancellationToken);
        var agreed = all.Any(r => r.State == RhythmState.Agreed);
        var paused = all.Any(r => r.State == RhythmState.Paused);
        if (!agreed && !paused)
        {
            return new Outlook.NoRhythm();
        }

        var scheduled = all.Where(r => r.IsScheduled).ToList();
        var next = scheduled.Count == 0 ? null : await schedule.NextOfAsync(scheduled, collaborationId, now, cancellationToken);
        if (!agreed)
        {
            // Never promise an update that will not come: during a pause, say when they resume.
            return new Outlook.Paused(next?.Due);
        }

        return next is { } n ? new Outlook.Next(n.Due) : new Outlook.NoRhythm();
    }
}
