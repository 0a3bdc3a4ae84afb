using CheckinBot.Core.Clock;
using CheckinBot.Core.Workspaces;
using CheckinBot.Slack.Installing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Storage.Tests.Installing;

/// <summary>OAuth states in the database: shared by every node, expiring, used once, pruned as installs come in.</summary>
public abstract class OAuthStateContract
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);
    private static readonly Duration Lifetime = Duration.FromMinutes(10);

    protected abstract Task<StorageFixture> CreateAsync();

    [SkippableFact]
    public async Task A_state_made_on_one_node_is_consumed_once_on_another()
    {
        await using var db = await CreateAsync();
        await using var otherNode = db.AnotherNode();
        using (var scope = db.Scope())
        {
            await StorageFixture.Get<IOAuthStateStore>(scope).AddAsync("hash-1", Now + Lifetime, Now, default);
        }

        // Three callbacks with the same state at once, each in a scope of its own on the other node.
        var consumed = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var there = otherNode.CreateScope();
            return await there.ServiceProvider.GetRequiredService<IOAuthStateStore>().TryConsumeAsync("hash-1", Now + Duration.FromMinutes(1), default);
        }));

        consumed.Count(c => c).Should().Be(1);
    }

    [SkippableFact]
    public async Task An_install_started_on_one_node_completes_on_another_only_in_the_browser_that_started_it()
    {
        await using var db = await CreateAsync();
        await using var nodeA = db.AnotherNode();
        await using var nodeB = db.AnotherNode();
        var clock = new WallClock(new FakeTimeProvider(Now.ToDateTimeOffset()));
        var installing = new OAuthStates(clock, nodeA.GetRequiredService<IServiceScopeFactory>());
        var callback = new OAuthStates(clock, nodeB.GetRequiredService<IServiceScopeFactory>());

        var install = await installing.CreateAsync(default);
        var other = await installing.CreateAsync(default);

        (await callback.TryConsumeAsync(install.State, other.Nonce, default)).Should().BeFalse("another browser's cookie");
        (await callback.TryConsumeAsync(install.State, install.Nonce, default)).Should().BeTrue();
        (await callback.TryConsumeAsync(install.State, install.Nonce, default)).Should().BeFalse("used once");
    }

    [SkippableFact]
    public async Task A_state_expires_after_its_lifetime_and_expired_ones_are_pruned_by_the_next_install()
    {
        await using var db = await CreateAsync();
        using var scope = db.Scope();
        var states = StorageFixture.Get<IOAuthStateStore>(scope);
        for (var i = 0; i < 50; i++)
        {
            await states.AddAsync("old-" + i, Now + Lifetime, Now, default);
        }

        (await states.TryConsumeAsync("old-0", Now + Lifetime, default)).Should().BeFalse("ten minutes are up");
        await states.AddAsync("new", Now + Lifetime + Lifetime, Now + Lifetime, default);

        (await StorageFixture.Get<CheckinDbContext>(scope).OAuthStates.CountAsync()).Should().Be(1);
        (await states.TryConsumeAsync("new", Now + Lifetime, default)).Should().BeTrue();
    }
}

public sealed class SqliteOAuthStateTests : OAuthStateContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.SqliteAsync();
}

public sealed class PostgresOAuthStateTests : OAuthStateContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.PostgresAsync();
}
