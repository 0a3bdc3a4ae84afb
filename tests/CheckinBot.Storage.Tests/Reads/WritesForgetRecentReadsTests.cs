using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Privacy;
using CheckinBot.Core.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Storage.Tests.Reads;

/// <summary>
/// Read-only turns answer from <see cref="RecentReads"/> (ten minutes on one SQLite node), so every write of a person or a
/// collaboration through the stores forgets what it changed, whoever writes: a command, an introduction, the playground's
/// settings, an erasure.
/// </summary>
public sealed class WritesForgetRecentReadsTests : IAsyncLifetime
{
    private const string Platform = "slack";
    private const string Workspace = "T1";
    private StorageFixture db = null!;

    public async Task InitializeAsync() => db = await StorageFixture.SqliteAsync(services => services
        .AddSingleton(TimeProvider.System)
        .AddSingleton(new TurnOptions { RecentReadsLifetime = TimeSpan.FromMinutes(10) })
        .AddSingleton<RecentReads>());

    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task A_person_saved_again_is_read_anew()
    {
        await SavePersonAsync(new Person { Platform = Platform, WorkspaceId = Workspace, Id = "U1", DisplayName = "Ina", Language = "en" });
        (await RecallPersonAsync("U1"))!.Language.Should().Be("en");

        await SavePersonAsync(new Person { Platform = Platform, WorkspaceId = Workspace, Id = "U1", DisplayName = "Ina", Language = "nl" });

        (await RecallPersonAsync("U1"))!.Language.Should().Be("nl", "the save forgot the person read before it");
    }

    [Fact]
    public async Task People_saved_in_a_batch_are_read_anew()
    {
        await SavePersonAsync(new Person { Platform = Platform, WorkspaceId = Workspace, Id = "U2", DisplayName = "Pieter", Language = "en" });
        (await RecallPersonAsync("U2"))!.Language.Should().Be("en");

        using (var scope = db.Scope())
        {
            await StorageFixture.Get<ICollaborationStore>(scope).SavePeopleAsync(
                [new Person { Platform = Platform, WorkspaceId = Workspace, Id = "U2", DisplayName = "Pieter", Language = "fr" }], default);
        }

        (await RecallPersonAsync("U2"))!.Language.Should().Be("fr");
    }

    [Fact]
    public async Task A_collaboration_added_or_changed_is_read_anew()
    {
        (await RecallCollaborationAsync("C1")).Should().BeNull();
        var collaboration = new Collaboration
        {
            Id = Guid.NewGuid(), Platform = Platform, WorkspaceId = Workspace, ConversationId = "C1", VaId = "U1", ClientIds = ["U2"],
            TimeZone = "Europe/Brussels", Language = "nl",
        };
        using (var scope = db.Scope())
        {
            await StorageFixture.Get<ICollaborationStore>(scope).AddAsync(collaboration, default);
        }

        (await RecallCollaborationAsync("C1")).Should().NotBeNull("the new collaboration forgot the empty read before it");

        using (var scope = db.Scope())
        {
            var store = StorageFixture.Get<ICollaborationStore>(scope);
            var stored = (await store.FindByConversationAsync(Platform, Workspace, "C1", default))!;
            stored.Language = "fr";
            await store.UpdateAsync(stored, default);
        }

        (await RecallCollaborationAsync("C1"))!.Language.Should().Be("fr");
    }

    [Fact]
    public async Task An_erased_person_is_read_anew()
    {
        await SavePersonAsync(new Person { Platform = Platform, WorkspaceId = Workspace, Id = "U3", DisplayName = "Zelda" });
        (await RecallPersonAsync("U3")).Should().NotBeNull();

        using (var scope = db.Scope())
        {
            await StorageFixture.Get<IPersonalDataStore>(scope).ForgetAsync(Platform, Workspace, "U3", "forgotten-0001", default);
        }

        (await RecallPersonAsync("U3")).Should().BeNull("the erasure forgot the person read before it");
    }

    private async Task SavePersonAsync(Person person)
    {
        using var scope = db.Scope();
        await StorageFixture.Get<ICollaborationStore>(scope).SavePersonAsync(person, default);
    }

    /// <summary>A read-only turn's read of a person: through <see cref="RecentReads"/>, from the store when not known.</summary>
    private async Task<Person?> RecallPersonAsync(string id)
    {
        using var scope = db.Scope();
        var store = StorageFixture.Get<ICollaborationStore>(scope);
        return await StorageFixture.Get<RecentReads>(scope).PersonAsync(Platform, Workspace, id, (store, id), static read => read.store.FindPersonAsync(Platform, Workspace, read.id, default));
    }

    private async Task<Collaboration?> RecallCollaborationAsync(string conversation)
    {
        using var scope = db.Scope();
        var store = StorageFixture.Get<ICollaborationStore>(scope);
        return await StorageFixture.Get<RecentReads>(scope).CollaborationInAsync(Platform, Workspace, conversation, (store, conversation),
            static read => read.store.FindByConversationAsync(Platform, Workspace, read.conversation, default));
    }
}
