using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Drafts;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Tasks;
using CheckinBot.Core.Transcripts;
using CheckinBot.Core.Workspaces;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Tests;

/// <summary>The same store behaviour, asserted on every provider.</summary>
public abstract class StoreContract
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);

    protected abstract Task<StorageFixture> CreateAsync();

    [SkippableFact]
    public async Task Collaborations_are_found_by_conversation_and_by_member()
    {
        await using var db = await CreateAsync();
        var collaboration = NewCollaboration();
        using (var scope = db.Scope())
        {
            await StorageFixture.Get<ICollaborationStore>(scope).AddAsync(collaboration, default);
        }

        using var read = db.Scope();
        var store = StorageFixture.Get<ICollaborationStore>(read);
        (await store.FindByConversationAsync("slack", "T1", "C1", default))!.ClientIds.Should().Equal("U-tom");
        (await store.ListForPersonAsync("slack", "T1", "U-tom", default)).Should().ContainSingle().Which.Id.Should().Be(collaboration.Id);
        (await store.ListForPersonAsync("slack", "T1", "U-ina", default)).Should().ContainSingle();
        (await store.ListForPersonAsync("slack", "T2", "U-tom", default)).Should().BeEmpty("nothing crosses workspaces");
    }

    [SkippableFact]
    public async Task People_are_added_then_updated()
    {
        await using var db = await CreateAsync();
        using (var scope = db.Scope())
        {
            await StorageFixture.Get<ICollaborationStore>(scope).SavePersonAsync(new Person { Platform = "slack", WorkspaceId = "T1", Id = "U1", DisplayName = "Ina", TimeZone = "Asia/Manila" }, default);
        }

        using (var scope = db.Scope())
        {
            await StorageFixture.Get<ICollaborationStore>(scope).SavePersonAsync(new Person { Platform = "slack", WorkspaceId = "T1", Id = "U1", DisplayName = "Ina R.", Language = "nl" }, default);
        }

        using var read = db.Scope();
        var person = await StorageFixture.Get<ICollaborationStore>(read).FindPersonAsync("slack", "T1", "U1", default);
        person!.DisplayName.Should().Be("Ina R.");
        person.Language.Should().Be("nl");
    }

    [SkippableFact]
    public async Task People_are_added_and_updated_together_in_one_write()
    {
        await using var db = await CreateAsync();
        using (var scope = db.Scope())
        {
            await StorageFixture.Get<ICollaborationStore>(scope).SavePersonAsync(new Person { Platform = "slack", WorkspaceId = "T1", Id = "U1", DisplayName = "Ina" }, default);
        }

        using (var scope = db.Scope())
        {
            await StorageFixture.Get<ICollaborationStore>(scope).SavePeopleAsync(
            [
                new Person { Platform = "slack", WorkspaceId = "T1", Id = "U1", DisplayName = "Ina R.", Language = "nl" },
                new Person { Platform = "slack", WorkspaceId = "T1", Id = "U2", DisplayName = "Tom", TimeZone = "Europe/Brussels" },
                new Person { Platform = "slack", WorkspaceId = "T2", Id = "U1", DisplayName = "Other Ina" },
            ], default);
        }

        using var read = db.Scope();
        var store = StorageFixture.Get<ICollaborationStore>(read);
        (await store.FindPersonAsync("slack", "T1", "U1", default)).Should().BeEquivalentTo(new { DisplayName = "Ina R.", Language = "nl" });
        (await store.FindPersonAsync("slack", "T1", "U2", default))!.TimeZone.Should().Be("Europe/Brussels");
        (await store.FindPersonAsync("slack", "T2", "U1", default))!.DisplayName.Should().Be("Other Ina");
    }

    [SkippableFact]
    public async Task Rhythms_keep_their_audit_trail_and_the_planner_watermark_only_moves_forward()
    {
        await using var db = await CreateAsync();
        var rhythm = Rhythm.Propose(Guid.NewGuid(), 1, RhythmKind.Update, Days.Weekdays, new LocalTime(17, 0), "Europe/Brussels", "U-ina", Side.Va, Now);
        using (var scope = db.Scope())
        {
            await StorageFixture.Get<IRhythmStore>(scope).SaveAsync([rhythm], default);
        }

        using (var scope = db.Scope())
        {
            var store = StorageFixture.Get<IRhythmStore>(scope);
            var loaded = (await store.ListByCollaborationAsync(rhythm.CollaborationId, default)).Single();
            loaded.Accept("U-tom", Side.Client, Now + Duration.FromMinutes(5));
            await store.SaveAsync([loaded], default);
            await store.AdvancePlannedUntilAsync([rhythm.Id], Now + Duration.FromHours(1), default);
            await store.AdvancePlannedUntilAsync([rhythm.Id], Now, default);
        }

        using var read = db.Scope();
        var scheduled = await StorageFixture.Get<IRhythmStore>(read).ListScheduledAsync(default);
        scheduled.Should().ContainSingle().Which.PlannedUntil.Should().Be(Now + Duration.FromHours(1));
        var context = StorageFixture.Get<CheckinDbContext>(read);
        var events = await context.Set<RhythmEvent>().Where(e => e.RhythmId == rhythm.Id).OrderBy(e => e.At).ToListAsync();
        events.Select(e => e.Action).Should().Equal(RhythmAction.Proposed, RhythmAction.Accepted);
        events[1].ActorId.Should().Be("U-tom");
    }

    [SkippableFact]
    public async Task The_ledger_is_unique_on_rhythm_and_due_instant()
    {
        await using var db = await CreateAsync();
        var seeds = Seeds(Guid.NewGuid(), 3);
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);

        (await ledger.AddMissingAsync(seeds, default)).Should().Be(3);
        (await ledger.AddMissingAsync(seeds, default)).Should().Be(0);
        (await ledger.ListByCollaborationAsync(seeds[0].CollaborationId, Now - Duration.FromDays(1), Now + Duration.FromDays(10), default)).Should().HaveCount(3);
    }

    [SkippableFact]
    public async Task A_claim_leases_rows_to_one_worker_until_the_lease_runs_out()
    {
        await using var db = await CreateAsync();
        var seeds = Seeds(Guid.NewGuid(), 2);
        var at = seeds[^1].Due;
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        await ledger.AddMissingAsync(seeds, default);

        var first = await ledger.ClaimDueAsync(at, "worker-a", at + Duration.FromMinutes(2), 10, null, default);
        var second = await ledger.ClaimDueAsync(at, "worker-b", at + Duration.FromMinutes(2), 10, null, default);
        first.Should().HaveCount(2);
        second.Should().BeEmpty("the rows are leased to worker-a");

        var later = at + Duration.FromMinutes(3);
        var takenOver = await ledger.ClaimDueAsync(later, "worker-b", later + Duration.FromMinutes(2), 10, null, default);
        takenOver.Should().HaveCount(2).And.OnlyContain(o => o.Attempts == 2 && o.LeaseOwner == "worker-b");

        // The first worker's late outcome is ignored: its lease was taken over.
        await ledger.RecordAsync("worker-a", [new PostOutcome(first[0].Id, OccurrenceStatus.Posted, at, "m-a", false)], default);
        await ledger.RecordAsync("worker-b", [new PostOutcome(first[1].Id, OccurrenceStatus.Posted, later, "m-b", false, "Done")], default);

        var rows = await ledger.ListByCollaborationAsync(seeds[0].CollaborationId, Now - Duration.FromDays(1), Now + Duration.FromDays(10), default);
        rows.Single(o => o.Id == first[0].Id).Status.Should().Be(OccurrenceStatus.Pending);
        rows.Single(o => o.Id == first[1].Id).Should().Match<Occurrence>(o => o.Status == OccurrenceStatus.Posted && o.MessageId == "m-b" && o.Summary == "Done");
        (await ledger.LastPostedAsync(seeds[0].CollaborationId, default))!.Id.Should().Be(first[1].Id);
    }

    [SkippableFact]
    public async Task Reminders_are_taken_once_and_cancelled_rows_come_back_when_planned_again()
    {
        await using var db = await CreateAsync();
        var rhythmId = Guid.NewGuid();
        var seeds = Seeds(rhythmId, 2);
        using var scope = db.Scope();
        var ledger = StorageFixture.Get<IOccurrenceLedger>(scope);
        await ledger.AddMissingAsync(seeds, default);

        var remindAt = seeds[0].RemindAt;
        (await ledger.TakeDueRemindersAsync(remindAt, 10, default)).Should().ContainSingle();
        (await ledger.TakeDueRemindersAsync(remindAt, 10, default)).Should().BeEmpty();
        (await ledger.NextDueAfterAsync(remindAt, default)).Should().Be(seeds[0].Due);

        await ledger.CancelPendingAsync(rhythmId, seeds[0].Due, default);
        (await ledger.NextDueAfterAsync(remindAt, default)).Should().BeNull();
        await ledger.AddMissingAsync(seeds, default);
        (await ledger.NextDueAfterAsync(remindAt, default)).Should().Be(seeds[0].Due);

        await ledger.SkipAsync(seeds[0] with { Status = OccurrenceStatus.Skipped }, default);
        (await ledger.ClaimDueAsync(seeds[1].Due, "w", seeds[1].Due + Duration.FromMinutes(1), 10, null, default)).Should().ContainSingle()
            .Which.Due.Should().Be(seeds[1].Due);
    }

    [SkippableFact]
    public async Task Events_are_recorded_once()
    {
        await using var db = await CreateAsync();
        using var scope = db.Scope();
        var events = StorageFixture.Get<IEventLedger>(scope);

        (await events.TryRecordAsync("slack", "Ev1", Now, default)).Should().BeTrue();
        (await events.TryRecordAsync("slack", "Ev1", Now, default)).Should().BeFalse();
        (await events.TryRecordAsync("teams", "Ev1", Now, default)).Should().BeTrue();
        await events.PruneAsync(Now + Duration.FromSeconds(1), default);
        (await events.TryRecordAsync("slack", "Ev1", Now, default)).Should().BeTrue();
    }

    [SkippableFact]
    public async Task Bot_tokens_are_encrypted_at_rest()
    {
        await using var db = await CreateAsync();
        using (var scope = db.Scope())
        {
            await StorageFixture.Get<IInstallationStore>(scope).SaveAsync(new Installation { Platform = "slack", WorkspaceId = "T1", BotToken = "xoxb-secret-token", InstalledAt = Now }, default);
        }

        using var read = db.Scope();
        var raw = await StorageFixture.Get<CheckinDbContext>(read).Database.SqlQueryRaw<string>("SELECT \"ProtectedBotToken\" AS \"Value\" FROM \"Installations\"").ToListAsync();
        raw.Should().ContainSingle().Which.Should().NotContain("xoxb-secret-token");
        (await StorageFixture.Get<IInstallationStore>(read).FindAsync("slack", "T1", default))!.BotToken.Should().Be("xoxb-secret-token");
        await StorageFixture.Get<IInstallationStore>(read).RemoveAsync("slack", "T1", default);
        (await StorageFixture.Get<IInstallationStore>(read).FindAsync("slack", "T1", default)).Should().BeNull();
    }

    [SkippableFact]
    public async Task Drafts_clear_only_when_not_replaced_after_the_post()
    {
        await using var db = await CreateAsync();
        var id = Guid.NewGuid();
        using var scope = db.Scope();
        var drafts = StorageFixture.Get<IDraftStore>(scope);

        await drafts.SetAsync(id, "first", Now, default);
        await drafts.SetAsync(id, "second", Now + Duration.FromMinutes(10), default);
        await drafts.ClearAsync(id, Now + Duration.FromMinutes(5), default);
        (await drafts.GetAsync(id, default)).Should().Be("second");
        await drafts.ClearAsync(id, Now + Duration.FromMinutes(15), default);
        (await drafts.GetAsync(id, default)).Should().BeNull();
    }

    [SkippableFact]
    public async Task Open_task_titles_are_the_planned_started_and_blocked_ones_oldest_first()
    {
        await using var db = await CreateAsync();
        var id = Guid.NewGuid();
        var blocked = WorkTask.New(id, "Photographer booking", TaskState.Started, Now + Duration.FromMinutes(2));
        blocked.Block("no quote yet", Now + Duration.FromMinutes(3));
        var done = WorkTask.New(id, "Newsletter PDF", TaskState.Started, Now + Duration.FromMinutes(1));
        done.Finish(Now + Duration.FromMinutes(4));
        using (var scope = db.Scope())
        {
            await StorageFixture.Get<ITaskStore>(scope).SaveAsync(
                [blocked, done, WorkTask.New(id, "Invoices March", TaskState.Planned, Now), WorkTask.New(Guid.NewGuid(), "Elsewhere", TaskState.Started, Now)], default);
        }

        using var read = db.Scope();
        (await StorageFixture.Get<ITaskStore>(read).OpenTitlesAsync(id, default)).Should().Equal("Invoices March", "Photographer booking");
    }

    [SkippableFact]
    public async Task The_transcript_keeps_its_order_and_finds_posts_by_occurrence()
    {
        await using var db = await CreateAsync();
        using var scope = db.Scope();
        var transcript = StorageFixture.Get<ITranscriptStore>(scope);

        var first = await transcript.AppendAsync(new TranscriptEntry(0, "channel", Now, "va", "hello", "all", "message"), 100, default);
        var second = await transcript.AppendAsync(new TranscriptEntry(0, "channel", Now, "bot", "update", "all", "update", null, "key-1"), 100, default);
        var third = await transcript.AppendAsync(
            new TranscriptEntry(0, "channel", Now, "bot", "proposal", "all", "notice", Buttons: [new("rhythm.accept", "Accept", "1", Primary: true), new("rhythm.decline", "Decline", "1")]),
            100, default);

        second.Id.Should().BeGreaterThan(first.Id);
        (await transcript.ListAsync(0, 100, default)).Select(e => e.Text).Should().Equal("hello", "update", "proposal");
        (await transcript.ListAsync(first.Id, 100, default)).Should().HaveCount(2);
        (await transcript.ListAsync(0, 2, default)).Select(e => e.Text).Should().Equal("hello", "update");
        (await transcript.FindByOccurrenceAsync("key-1", default))!.Id.Should().Be(second.Id);
        (await transcript.FindAsync(third.Id, default))!.Buttons.Should().Equal(new("rhythm.accept", "Accept", "1", true), new MessageButton("rhythm.decline", "Decline", "1"));
        (await transcript.FindAsync(first.Id, default))!.Buttons.Should().BeNull();
        (await transcript.FindAsync(third.Id + 100, default)).Should().BeNull();
    }

    private static Collaboration NewCollaboration() => new()
    {
        Id = Guid.NewGuid(),
        Platform = "slack",
        WorkspaceId = "T1",
        ConversationId = "C1",
        VaId = "U-ina",
        ClientIds = ["U-tom"],
        TimeZone = "Europe/Brussels",
        Language = "nl",
        CreatedAt = Now,
    };

    private static List<OccurrenceSeed> Seeds(Guid rhythmId, int count)
    {
        var collaborationId = Guid.NewGuid();
        return Enumerable.Range(0, count)
            .Select(i => Now + Duration.FromDays(i))
            .Select(due => new OccurrenceSeed(rhythmId, collaborationId, due, due - Duration.FromMinutes(15)))
            .ToList();
    }
}

public sealed class SqliteStoreTests : StoreContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.SqliteAsync();
}

public sealed class PostgresStoreTests : StoreContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.PostgresAsync();
}
