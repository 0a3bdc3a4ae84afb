using System.Collections;
using System.Globalization;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Drafts;
using CheckinBot.Core.Occurrences;
using CheckinBot.Core.Pings;
using CheckinBot.Core.Privacy;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Tasks;
using CheckinBot.Core.Transcripts;
using CheckinBot.Core.Workspaces;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CheckinBot.Storage.Tests.Privacy;

/// <summary>
/// Forget means forget: after it, no table holds the person's id or name. Every entity type of the model is read, so a
/// table added later is covered without touching this test.
/// </summary>
public abstract class ForgetContract
{
    private const string Platform = "playground";
    private const string Workspace = "local";
    private const string Zelda = "U-zelda-7";
    private const string Name = "Zelda Quixote";
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);

    protected abstract Task<StorageFixture> CreateAsync();

    [SkippableFact]
    public async Task After_a_forget_no_table_holds_the_persons_id_or_name()
    {
        await using var db = await CreateAsync();
        var (asVa, asClient) = await FillEveryTableAsync(db);

        using (var scope = db.Scope())
        {
            await StorageFixture.Get<IPersonalDataStore>(scope).ForgetAsync(Platform, Workspace, Zelda, "forgotten-0001", default);
        }

        using var read = db.Scope();
        var context = StorageFixture.Get<CheckinDbContext>(read);
        var found = await TracesAsync(context, Zelda, Name, "Quixote");
        found.Should().BeEmpty();

        // What belongs to the others stays.
        var collaborations = StorageFixture.Get<ICollaborationStore>(read);
        (await collaborations.GetAsync(asVa, default))!.ClientIds.Should().Equal("U-tom");
        (await collaborations.GetAsync(asClient, default))!.VaId.Should().Be("U-ina");
        (await StorageFixture.Get<ITranscriptStore>(read).ListAsync(0, 500, default)).Should().ContainSingle().Which.Text.Should().Be("Tom says hi");
        (await StorageFixture.Get<IConversationReferenceStore>(read).FindAsync(Platform, Workspace, "channel", default)).Should().NotBeNull();
        (await StorageFixture.Get<IPingLog>(read).CountAsync(asVa, default)).Should().Be(1, "Tom's ping to her stays, counted");
    }

    /// <summary>Every row of every table, every column (shadow ones too), as text; the ones naming the person.</summary>
    private static async Task<List<string>> TracesAsync(CheckinDbContext context, params string[] marks)
    {
        var found = new List<string>();
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
        var tables = context.Model.GetEntityTypes().ToList();
        tables.Should().HaveCountGreaterThan(14, "the scan reads every table of the model");
        foreach (var table in tables)
        {
            var rows = (IQueryable<object>)set.MakeGenericMethod(table.ClrType).Invoke(context, null)!;
            foreach (var row in await rows.ToListAsync())
            {
                var entry = context.Entry(row);
                foreach (var column in table.GetProperties())
                {
                    var text = Text(entry.Property(column.Name).CurrentValue);
                    if (marks.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)))
                    {
                        found.Add($"{table.ClrType.Name}.{column.Name} = {text}");
                    }
                }
            }
        }

        return found;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        IEnumerable many => string.Join(",", many.Cast<object?>().Select(Text)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Zelda is the VA of one collaboration (with Tom) and a client in another (of Ina), and left traces in every table.</summary>
    private static async Task<(Guid AsVa, Guid AsClient)> FillEveryTableAsync(StorageFixture db)
    {
        using var scope = db.Scope();
        var collaborations = StorageFixture.Get<ICollaborationStore>(scope);
        var asVa = Collaboration("channel", Zelda, "U-tom");
        var asClient = Collaboration("other-channel", "U-ina", Zelda);
        await collaborations.AddAsync(asVa, default);
        await collaborations.AddAsync(asClient, default);
        await collaborations.SavePersonAsync(new Person { Platform = Platform, WorkspaceId = Workspace, Id = Zelda, DisplayName = Name, Language = "en" }, default);
        await collaborations.SavePersonAsync(new Person { Platform = Platform, WorkspaceId = Workspace, Id = "U-tom", DisplayName = "Tom" }, default);

        var rhythms = StorageFixture.Get<IRhythmStore>(scope);
        var hers = Rhythm.Propose(asVa.Id, 1, RhythmKind.Update, Days.Weekdays, new LocalTime(17, 0), "Europe/Brussels", Zelda, Side.Va, Now);
        hers.Accept("U-tom", Side.Client, Now);
        var inas = Rhythm.Propose(asClient.Id, 1, RhythmKind.Plan, Days.Weekdays, new LocalTime(9, 0), "Europe/Brussels", "U-ina", Side.Va, Now);
        inas.Accept(Zelda, Side.Client, Now);
        await rhythms.SaveAsync([hers, inas], default);

        var context = StorageFixture.Get<CheckinDbContext>(scope);
        context.Occurrences.Add(new Occurrence
        {
            Id = Guid.NewGuid(), RhythmId = hers.Id, CollaborationId = asVa.Id, Due = Now, RemindAt = Now,
            Status = OccurrenceStatus.Posted, Summary = $"{Name}: invoices done",
        });
        await context.SaveChangesAsync();

        await StorageFixture.Get<IDraftStore>(scope).SetAsync(asVa.Id, $"{Name} finished the PDF", Now, default);
        await StorageFixture.Get<ITaskStore>(scope).SaveAsync([WorkTask.New(asVa.Id, $"{Name}'s invoices", TaskState.Started, Now)], default);

        var pings = StorageFixture.Get<IPingLog>(scope);
        await pings.AddAsync(Ping(asClient.Id, Zelda), default);
        await pings.AddAsync(Ping(asVa.Id, "U-tom"), default);

        var references = StorageFixture.Get<IConversationReferenceStore>(scope);
        await references.SaveAsync(Platform, Workspace, "dm:" + Zelda, "D0ZELDA", default);
        await references.SaveAsync(Platform, Workspace, "a:personal-chat", $$"""{"serviceUrl":"https://smba.trafficmanager.net/emea/","userId":"{{Zelda}}"}""", default);
        await references.SaveAsync(Platform, Workspace, "channel", """{"serviceUrl":"https://smba.trafficmanager.net/emea/"}""", default);

        var transcript = StorageFixture.Get<ITranscriptStore>(scope);
        await transcript.AppendAsync(new TranscriptEntry(0, "channel", Now, Zelda, "propose update weekdays 17:00", "all", "message"), 10_000, default);
        await transcript.AppendAsync(new TranscriptEntry(0, "channel", Now, "bot", $"{Name} proposes #1", "all", "notice"), 10_000, default);
        await transcript.AppendAsync(new TranscriptEntry(0, "channel", Now, "bot", "Only you see this", Zelda, "reply"), 10_000, default);
        await transcript.AppendAsync(new TranscriptEntry(0, "dm-" + Zelda, Now, "bot", "Your reminder", Zelda, "reminder"), 10_000, default);
        await transcript.AppendAsync(new TranscriptEntry(0, "channel", Now, "U-tom", "Tom says hi", "all", "message"), 10_000, default);
        return (asVa.Id, asClient.Id);
    }

    private static Collaboration Collaboration(string conversation, string va, string client) => new()
    {
        Id = Guid.NewGuid(),
        Platform = Platform,
        WorkspaceId = Workspace,
        ConversationId = conversation,
        VaId = va,
        ClientIds = [client],
        TimeZone = "Europe/Brussels",
        Language = "en",
        CreatedAt = Now,
    };

    private static Ping Ping(Guid collaboration, string person) => new()
    {
        Id = Guid.NewGuid(),
        CollaborationId = collaboration,
        PersonId = person,
        At = Now,
        Class = PingClass.StatusCheck,
        Outcome = PingOutcome.Answered,
        Language = "en",
        MessageLink = $"https://example.test/{person}/1",
    };
}

public sealed class SqliteForgetTests : ForgetContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.SqliteAsync();
}

public sealed class PostgresForgetTests : ForgetContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.PostgresAsync();
}
