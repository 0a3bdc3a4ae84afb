using CheckinBot.Core.Conversations;
using CheckinBot.Core.Turns;
using CheckinBot.Storage.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CheckinBot.Storage.Tests.Turns;

/// <summary>
/// The event ledger's writes of concurrent turns on SQLite, committed in one transaction (<see cref="SqliteGroupCommit"/>):
/// each caller still gets its own answer. The file's gate is held while the writes queue, so that all of them are
/// committed by the one batch that follows its release.
/// </summary>
public sealed class LedgerWritesCommittedTogetherTests : IAsyncLifetime
{
    private const int Turns = 100;
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);
    private static readonly Duration Lease = TurnDispatcher.ClaimLease;

    private readonly List<IServiceScope> scopes = [];
    private StorageFixture db = null!;

    public async Task InitializeAsync() => db = await StorageFixture.SqliteAsync();

    public async Task DisposeAsync()
    {
        scopes.ForEach(scope => scope.Dispose());
        await db.DisposeAsync();
    }

    [Fact]
    public async Task Concurrent_claims_of_distinct_events_are_all_granted()
    {
        var claims = await WhileTheGateIsHeldAsync(i => Ledger().TryClaimAsync("teams", $"Ev{i}", Now, Lease, default));

        (await Task.WhenAll(claims)).Should().AllSatisfy(claimed => claimed.Should().BeTrue());
        (await Ledger().TryClaimAsync("teams", "Ev7", Now + Duration.FromSeconds(5), Lease, default)).Should().BeFalse("its turn still runs");
    }

    [Fact]
    public async Task More_writes_than_one_batch_holds_are_all_answered()
    {
        var claims = await WhileTheGateIsHeldAsync(i => Ledger().TryClaimAsync("teams", $"Ev{i}", Now, Lease, default), count: 700);

        (await Task.WhenAll(claims).WaitAsync(TimeSpan.FromSeconds(30))).Should().AllSatisfy(claimed => claimed.Should().BeTrue());
    }

    [Fact]
    public async Task Of_concurrent_claims_of_one_event_exactly_one_is_granted()
    {
        var claims = await WhileTheGateIsHeldAsync(_ => Ledger().TryClaimAsync("teams", "Ev-duplicated", Now, Lease, default));

        (await Task.WhenAll(claims)).Count(claimed => claimed).Should().Be(1);
    }

    [Fact]
    public async Task Completions_and_releases_in_one_batch_keep_their_meaning()
    {
        foreach (var i in Enumerable.Range(0, Turns))
        {
            (await Ledger().TryClaimAsync("teams", $"Ev{i}", Now, Lease, default)).Should().BeTrue();
        }

        var ends = await WhileTheGateIsHeldAsync(i => i % 2 == 0
            ? Ledger().CompleteAsync("teams", $"Ev{i}", default)
            : Ledger().ReleaseAsync("teams", $"Ev{i}", default));
        await Task.WhenAll(ends);

        var later = Now + Duration.FromDays(1);
        (await Ledger().TryClaimAsync("teams", "Ev0", later, Lease, default)).Should().BeFalse("done is done");
        (await Ledger().TryClaimAsync("teams", "Ev1", later, Lease, default)).Should().BeTrue("a released claim is given back");
    }

    [Fact]
    public async Task A_write_that_fails_gets_its_error_and_the_others_in_its_batch_are_kept()
    {
        var claims = await WhileTheGateIsHeldAsync(i => Ledger().TryClaimAsync(i == Turns / 2 ? null! : "teams", $"Ev{i}", Now, Lease, default));

        var failing = () => claims[Turns / 2];
        await failing.Should().ThrowAsync<SqliteException>("an event needs its platform");
        var others = claims.Where((_, i) => i != Turns / 2).ToArray();
        (await Task.WhenAll(others)).Should().AllSatisfy(claimed => claimed.Should().BeTrue());
        (await Ledger().TryRecordAsync("teams", "Ev0", Now, default)).Should().BeFalse("the first claim was committed");
        (await Ledger().TryRecordAsync("teams", $"Ev{Turns - 1}", Now, default)).Should().BeFalse("the last claim was committed");
    }

    [Fact]
    public async Task When_the_batch_cannot_commit_every_caller_gets_the_error_and_nothing_is_written()
    {
        var writes = await WhileTheGateIsHeldAsync(i => i == Turns / 2
            ? SqliteGroupCommit.WriteAsync(Context(), ViolateAForeignKeyAtCommitAsync, default)
            : Ledger().TryRecordAsync("teams", $"Ev{i}", Now, default));

        foreach (var write in writes)
        {
            var waiting = () => write;
            await waiting.Should().ThrowAsync<SqliteException>();
        }

        (await Ledger().TryRecordAsync("teams", "Ev0", Now, default)).Should().BeTrue("the batch was rolled back");
        (await Ledger().TryRecordAsync("teams", $"Ev{Turns - 1}", Now, default)).Should().BeTrue("the batch was rolled back");
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_waiting_is_left_out_of_the_batch()
    {
        using var givingUp = new CancellationTokenSource();
        var writes = await WhileTheGateIsHeldAsync(
            i => Ledger().TryRecordAsync("teams", $"Ev{i}", Now, i == 0 ? givingUp.Token : default),
            async waiting =>
            {
                await givingUp.CancelAsync();
                await Task.WhenAny(waiting[0]).WaitAsync(TimeSpan.FromSeconds(30));
            });

        var gaveUp = () => writes[0];
        await gaveUp.Should().ThrowAsync<OperationCanceledException>();
        (await Task.WhenAll(writes.Skip(1)).WaitAsync(TimeSpan.FromSeconds(30))).Should().AllSatisfy(recorded => recorded.Should().BeTrue());
        (await Ledger().TryRecordAsync("teams", "Ev0", Now, default)).Should().BeTrue("the write was never made");
    }

    /// <summary>Starts <paramref name="count"/> writes while the file's gate is held, so that they all wait for one batch.</summary>
    private async Task<Task<T>[]> WhileTheGateIsHeldAsync<T>(Func<int, Task<T>> write, Func<Task<T>[], Task>? beforeRelease = null, int count = Turns)
    {
        var gate = SqliteWriteGate.For(Context());
        await gate.WaitAsync();
        Task<T>[] writes;
        try
        {
            writes = Enumerable.Range(0, count).Select(write).ToArray();
            writes.Should().AllSatisfy(w => w.IsCompleted.Should().BeFalse("every write waits for the gate"));
            if (beforeRelease is not null)
            {
                await beforeRelease(writes);
            }
        }
        finally
        {
            gate.Release();
        }

        return writes;
    }

    private async Task<Task<int>[]> WhileTheGateIsHeldAsync(Func<int, Task> write) =>
        await WhileTheGateIsHeldAsync(async i =>
        {
            await write(i);
            return i;
        });

    private static async Task<bool> ViolateAForeignKeyAtCommitAsync(CheckinDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", cancellationToken);
        return await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "RhythmEvents" ("Id", "RhythmId", "At", "ActorId", "Action") VALUES ({Guid.NewGuid()}, {Guid.NewGuid()}, 0, 'U1', 'edit')
            """, cancellationToken) == 1;
    }

    /// <summary>Each turn's own scope, as a turn has.</summary>
    private IEventLedger Ledger() => StorageFixture.Get<IEventLedger>(Scope());

    private CheckinDbContext Context() => StorageFixture.Get<CheckinDbContext>(Scope());

    private IServiceScope Scope()
    {
        var scope = db.Scope();
        scopes.Add(scope);
        return scope;
    }
}
