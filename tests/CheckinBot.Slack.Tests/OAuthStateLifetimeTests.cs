using CheckinBot.Core.Clock;
using CheckinBot.Core.Workspaces;
using CheckinBot.Slack.Installing;
using CheckinBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Slack.Tests;

public sealed class OAuthStateLifetimeTests : IDisposable
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryOAuthStates store = new();
    private readonly ServiceProvider services;
    private readonly OAuthStates states;

    public OAuthStateLifetimeTests()
    {
        services = new ServiceCollection().AddSingleton<IOAuthStateStore>(store).BuildServiceProvider();
        states = new OAuthStates(new WallClock(time), services.GetRequiredService<IServiceScopeFactory>());
    }

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task AStateExpiresAfterTenMinutes()
    {
        var fresh = await states.CreateAsync(default);
        var stale = await states.CreateAsync(default);

        (await states.TryConsumeAsync(fresh.State, fresh.Nonce, default)).Should().BeTrue();
        time.Advance(OAuthStates.Lifetime);
        (await states.TryConsumeAsync(stale.State, stale.Nonce, default)).Should().BeFalse();
    }

    [Fact]
    public async Task AStateIsUsedOnceAndOnlyWithItsNonce()
    {
        var install = await states.CreateAsync(default);

        (await states.TryConsumeAsync(install.State, "another-browser", default)).Should().BeFalse();
        (await states.TryConsumeAsync(install.State, null, default)).Should().BeFalse();
        (await states.TryConsumeAsync(install.State, install.Nonce, default)).Should().BeTrue();
        (await states.TryConsumeAsync(install.State, install.Nonce, default)).Should().BeFalse();
    }

    [Fact]
    public async Task ManyInstallsNeverBlockTheNextOneAndExpiredOnesArePruned()
    {
        for (var i = 0; i <= 10_000; i++) // more than the old in-memory table held
        {
            await states.CreateAsync(default);
        }

        time.Advance(OAuthStates.Lifetime);
        var next = await states.CreateAsync(default);

        store.Count.Should().Be(1);
        (await states.TryConsumeAsync(next.State, next.Nonce, default)).Should().BeTrue();
    }
}
