using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Pings;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Tasks;
using CheckinBot.Storage.Conversions;
using CheckinBot.Storage.Rows;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CheckinBot.Storage;

/// <summary>The one schema, kept by two providers (SQLite and PostgreSQL), each with its own migrations.</summary>
public abstract class CheckinDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The ledger's index of pending occurrences in claim order (due time, collaboration, id), which the claim reads.</summary>
    internal const string PendingInClaimOrder = "IX_Occurrences_Claim_Pending";

    /// <summary>The ledger's index of reminders still to send, by when.</summary>
    internal const string RemindersByTime = "IX_Occurrences_RemindAt_Pending";

    /// <summary>The planner's index: scheduled rhythms (agreed, or paused with an end) in plan order (PlanCursor).</summary>
    internal const string RhythmsToPlan = "IX_Rhythms_ToPlan";

    /// <summary>Scheduled rhythms, as the planner's index and its page say it, word for word (Rhythm.IsScheduled).</summary>
    internal const string ScheduledRhythms = "(\"State\" = 'Agreed' OR (\"State\" = 'Paused' AND \"PausedUntil\" IS NOT NULL))";

    /// <summary>
    /// PostgreSQL fills the ledger's pages this far (per cent), leaving the rest for updated rows' new versions: a pending
    /// row gets two before its outcome (the claim's and the mark's), and at 70 a third of them found no room and wrote
    /// entries in every index, the claim's too (burst at 22:31, load 18: 49.2 % of updates HOT, 1,782 claim index entries
    /// read a claim, PostgreSQL 8.06 s of CPU; at 40, 22:29, load 5-9: 61.6 % of a possible 66.7 %, 1,489, 7.66 s).
    /// </summary>
    internal const int LedgerFillFactor = 40;

    /// <summary>Shadow concurrency token of rows that turns change at the same moment (rhythms, collaborations).</summary>
    internal const string Version = "Version";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    internal DbSet<Collaboration> Collaborations => Set<Collaboration>();
    internal DbSet<Person> People => Set<Person>();
    internal DbSet<Rhythm> Rhythms => Set<Rhythm>();
    internal DbSet<RhythmEvent> RhythmEvents => Set<RhythmEvent>();
    internal DbSet<Occurrence> Occurrences => Set<Occurrence>();
    internal DbSet<DraftRow> Drafts => Set<DraftRow>();
    internal DbSet<WorkTask> Tasks => Set<WorkTask>();
    internal DbSet<ProcessedEventRow> ProcessedEvents => Set<ProcessedEventRow>();
    internal DbSet<InstallationRow> Installations => Set<InstallationRow>();
    internal DbSet<ConversationReferenceRow> ConversationReferences => Set<ConversationReferenceRow>();
    internal DbSet<TranscriptRow> Transcript => Set<TranscriptRow>();
    internal DbSet<ClockMarkRow> ClockMarks => Set<ClockMarkRow>();
    internal DbSet<Ping> Pings => Set<Ping>();
    internal DbSet<OAuthStateRow> OAuthStates => Set<OAuthStateRow>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateException e) when (IsLostRace(e))
        {
            ChangeTracker.Clear();
            throw new ConcurrentChangeException("Another turn changed the same rows at the same moment.", e);
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException e) when (IsLostRace(e))
        {
            // The turn runs again from a fresh read; what this context tracked is stale.
            ChangeTracker.Clear();
            throw new ConcurrentChangeException("Another turn changed the same rows at the same moment.", e);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<NodaTime.Instant>().HaveConversion<InstantConverter>();
        configurationBuilder.Properties<NodaTime.LocalTime>().HaveConversion<LocalTimeConverter>().HaveMaxLength(8);
        configurationBuilder.Properties<NodaTime.LocalDate>().HaveConversion<LocalDateConverter>().HaveMaxLength(10);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Collaboration>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => new { c.Platform, c.WorkspaceId, c.ConversationId }).IsUnique();
            e.HasIndex(c => new { c.Platform, c.WorkspaceId, c.VaId });
            e.Property<int>(Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<Person>(e =>
        {
            e.HasKey(p => new { p.Platform, p.WorkspaceId, p.Id });
            e.Property(p => p.Platform).HasMaxLength(32);
            e.Property(p => p.WorkspaceId).HasMaxLength(200);
            e.Property(p => p.Id).HasMaxLength(200);
        });

        modelBuilder.Entity<Rhythm>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.HasIndex(r => new { r.CollaborationId, r.Number }).IsUnique();
            e.HasIndex(r => r.State);
            e.HasIndex(r => new { r.PlannedUntil, r.CollaborationId, r.Id }, RhythmsToPlan).HasFilter(ScheduledRhythms);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.ProposedBySide).HasConversion<string>().HasMaxLength(16);
            e.HasMany(r => r.Events).WithOne().HasForeignKey(ev => ev.RhythmId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(r => r.Events).AutoInclude(false);
            e.Property<int>(Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<RhythmEvent>(e =>
        {
            e.HasKey(ev => ev.Id);
            e.Property(ev => ev.Id).ValueGeneratedNever();
            e.Property(ev => ev.Action).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<Occurrence>(e =>
        {
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).ValueGeneratedNever();
            e.HasIndex(o => new { o.RhythmId, o.Due }).IsUnique();

            // The claim's index: pending rows only, in claim order (ClaimCursor: due time, collaboration, id, none of which
            // ever changes); and the reminders still to send, by when. A claim, a mark "handed to the platform" and a lease
            // renewal change no column these name, in their keys or their filters, so on PostgreSQL each is a HOT update (no
            // index entry written) when its page has room, which the fillfactor below leaves; only the outcome, which ends
            // "pending", writes index entries, and none in these two.
            e.HasIndex(o => new { o.Due, o.CollaborationId, o.Id }, PendingInClaimOrder).HasFilter("\"Status\" = 'Pending'");
            e.HasIndex(o => o.RemindAt, RemindersByTime).HasFilter("\"ReminderStatus\" = 'Pending'");
            e.HasIndex(o => new { o.CollaborationId, o.Due });
            if (this is PostgresCheckinDbContext)
            {
                // Room on each page for the new versions of a claim, a mark and a renewal (SQLite has no such setting).
                e.HasStorageParameter("fillfactor", LedgerFillFactor);
            }

            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.ReminderStatus).HasConversion<string>().HasMaxLength(16);
            e.Ignore(o => o.Key);
        });

        modelBuilder.Entity<DraftRow>(e => e.HasKey(d => d.CollaborationId));
        modelBuilder.Entity<WorkTask>(e =>
        {
            e.ToTable("Tasks");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.HasIndex(t => new { t.CollaborationId, t.State });
            e.Property(t => t.Title).HasMaxLength(WorkTask.MaxTitleLength);
            e.Property(t => t.BlockedReason).HasMaxLength(2000);
            e.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<ProcessedEventRow>(e =>
        {
            e.HasKey(p => new { p.Platform, p.EventId });
            e.Property(p => p.Platform).HasMaxLength(32);
            e.Property(p => p.EventId).HasMaxLength(200);
            e.HasIndex(p => p.At);
        });
        modelBuilder.Entity<OAuthStateRow>(e =>
        {
            e.HasKey(o => o.Hash);
            e.Property(o => o.Hash).HasMaxLength(64);
            e.HasIndex(o => o.ExpiresAt);
        });
        modelBuilder.Entity<InstallationRow>(e =>
        {
            e.HasKey(i => new { i.Platform, i.WorkspaceId });
            e.Property(i => i.Platform).HasMaxLength(32);
            e.Property(i => i.WorkspaceId).HasMaxLength(200);
        });
        modelBuilder.Entity<ConversationReferenceRow>(e =>
        {
            e.HasKey(r => new { r.Platform, r.WorkspaceId, r.Key });
            e.Property(r => r.Platform).HasMaxLength(32);
            e.Property(r => r.WorkspaceId).HasMaxLength(200);
            e.Property(r => r.Key).HasMaxLength(300);
        });
        modelBuilder.Entity<TranscriptRow>(e =>
        {
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedOnAdd();
            e.HasIndex(t => t.OccurrenceKey);
        });
        modelBuilder.Entity<ClockMarkRow>(e =>
        {
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<Ping>(e =>
        {
            // Counted, never read back as text: the message itself is not stored.
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.HasIndex(p => new { p.CollaborationId, p.At });
            e.HasIndex(p => new { p.CollaborationId, p.PersonId, p.Outcome, p.At });
            e.Property(p => p.PersonId).HasMaxLength(200);
            e.Property(p => p.Class).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Language).HasMaxLength(8);
            e.Property(p => p.MessageLink).HasMaxLength(500);
            e.Ignore(p => p.Escalated);
        });
    }

    /// <summary>Every change of a versioned row moves its token on, so a turn that read it before writes nothing.</summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty(Version) is { IsConcurrencyToken: true })
            {
                var version = entry.Property(Version);
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }

    /// <summary>
    /// A concurrency token that no longer matched, or a unique key (a rhythm's number, a conversation's collaboration,
    /// a person) that another turn took first.
    /// </summary>
    private static bool IsLostRace(DbUpdateException e) =>
        e is DbUpdateConcurrencyException ||
        (UniqueKeys.IsViolation(e) && e.Entries.Any(entry => entry.Entity is Rhythm or Collaboration or Person));
}
