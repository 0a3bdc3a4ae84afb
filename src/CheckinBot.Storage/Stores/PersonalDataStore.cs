using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage.Stores;

/// <remarks>An erasure forgets everything <see cref="RecentReads"/> holds on this node: names and collaborations change.</remarks>
internal sealed class PersonalDataStore(CheckinDbContext db, RecentReads? recent = null) : IPersonalDataStore
{
    /// <summary>The platform whose conversations the transcript holds (the playground's name for itself).</summary>
    internal const string TranscriptPlatform = "playground";

    public async Task<int> ForgetAsync(string platform, string workspaceId, string personId, string pseudonym, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var theirs = await db.Collaborations
            .Where(c => c.Platform == platform && c.WorkspaceId == workspaceId && (c.VaId == personId || c.ClientIds.Contains(personId)))
            .ToListAsync(cancellationToken);
        var ids = theirs.Select(c => c.Id).ToList();
        var asVa = theirs.Where(c => c.VaId == personId).Select(c => c.Id).ToList();

        // Her own work: drafts, tasks, and the first lines of her posts kept for status answers.
        await db.Drafts.Where(d => asVa.Contains(d.CollaborationId)).ExecuteDeleteAsync(cancellationToken);
        await db.Tasks.Where(t => asVa.Contains(t.CollaborationId)).ExecuteDeleteAsync(cancellationToken);
        await db.Occurrences.Where(o => asVa.Contains(o.CollaborationId))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Summary, (string?)null), cancellationToken);

        // The other side's records stay, with the person anonymised.
        foreach (var collaboration in theirs)
        {
            if (collaboration.VaId == personId)
            {
                collaboration.VaId = pseudonym;
                collaboration.FocusUntil = null;
            }

            var at = collaboration.ClientIds.IndexOf(personId);
            if (at >= 0)
            {
                collaboration.ClientIds[at] = pseudonym;
                db.Entry(collaboration).Property(c => c.ClientIds).IsModified = true;
            }
        }

        var rhythmIds = await db.Rhythms.Where(r => ids.Contains(r.CollaborationId)).Select(r => r.Id).ToListAsync(cancellationToken);
        await db.Rhythms.Where(r => rhythmIds.Contains(r.Id) && r.ProposedBy == personId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ProposedBy, pseudonym)
                .SetProperty(r => EF.Property<int>(r, CheckinDbContext.Version), r => EF.Property<int>(r, CheckinDbContext.Version) + 1), cancellationToken);
        await db.RhythmEvents.Where(e => rhythmIds.Contains(e.RhythmId) && e.ActorId == personId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorId, pseudonym), cancellationToken);

        // Their pings, in whichever collaboration of this workspace they asked them.
        await db.Pings.Where(p => p.PersonId == personId &&
                db.Collaborations.Any(c => c.Id == p.CollaborationId && c.Platform == platform && c.WorkspaceId == workspaceId))
            .ExecuteDeleteAsync(cancellationToken);

        // Where the bot writes to them: their direct conversation, kept under their id or naming them inside.
        var quoted = "\"" + personId + "\"";
        await db.ConversationReferences
            .Where(r => r.Platform == platform && r.WorkspaceId == workspaceId && (r.Key == "dm:" + personId || r.Data.Contains(quoted)))
            .ExecuteDeleteAsync(cancellationToken);

        var name = await db.People.Where(p => p.Platform == platform && p.WorkspaceId == workspaceId && p.Id == personId)
            .Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (platform == TranscriptPlatform)
        {
            await ForgetTranscriptAsync(personId, name, cancellationToken);
        }

        await db.People.Where(p => p.Platform == platform && p.WorkspaceId == workspaceId && p.Id == personId).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Entities this scope tracked, and the reads kept for read-only turns, may hold the old values.
        db.ChangeTracker.Clear();
        recent?.ForgetAll();
        return theirs.Count;
    }

    /// <summary>
    /// The playground's transcript is the only chat history the bot keeps itself: what they said, what was shown to them
    /// or in their direct conversation, and every line that names them.
    /// </summary>
    private async Task ForgetTranscriptAsync(string personId, string? name, CancellationToken cancellationToken)
    {
        var direct = "dm-" + personId;
        await db.Transcript.Where(t => t.From == personId || t.VisibleTo == personId || t.Conversation == direct).ExecuteDeleteAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(name))
        {
            await db.Transcript.Where(t => t.Text.Contains(name)).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
