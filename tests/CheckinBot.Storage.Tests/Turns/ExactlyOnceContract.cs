using CheckinBot.Core.Conversations;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Turns;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CheckinBot.Storage.Tests.Turns;

/// <summary>Exactly one effect per inbound event: marked done with its effects, never before, on every provider.</summary>
public abstract class ExactlyOnceContract
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);

    protected abstract Task<StorageFixture> CreateAsync(Action<IServiceCollection>? services = null);

    [SkippableFact]
    public async Task A_turn_that_throws_leaves_its_event_unmarked_and_the_platforms_retry_runs_it()
    {
        await using var world = await TurnWorld.StartAsync(CreateAsync);
        await world.SetUpAsync();
        world.Messages.Failures = 1;
        var turn = TurnWorld.Message(TurnWorld.Client, "any update?", "Ev-fails-once");

        var failed = () => world.DispatchAsync(turn);
        await failed.Should().ThrowAsync<InvalidOperationException>();
        var retry = await world.DispatchAsync(turn);
        var again = await world.DispatchAsync(turn);

        retry.Posted.Should().ContainSingle().Which.Message.Message.PlainText.Should().Be("heard you");
        again.Posted.Should().BeEmpty("the retry succeeded, so the event is done");
        world.Messages.Answered.Should().Be(1);
    }

    [SkippableFact]
    public async Task A_retry_of_a_turn_that_succeeded_has_no_second_effect()
    {
        await using var world = await TurnWorld.StartAsync(CreateAsync);
        var collaboration = await world.SetUpAsync();
        var turn = TurnWorld.Command(TurnWorld.Va, "propose update weekdays 17:00", "Ev-propose");

        var first = await world.DispatchAsync(turn);
        var retry = await world.DispatchAsync(turn);

        first.Posted.Should().ContainSingle();
        retry.Posted.Should().BeEmpty();
        (await world.RhythmsAsync(collaboration)).Should().ContainSingle().Which.State.Should().Be(RhythmState.Proposed);
        world.Slack.Posted.Should().HaveCount(1);
    }

    [SkippableFact]
    public async Task The_same_event_arriving_several_times_at_once_has_one_effect()
    {
        await using var world = await TurnWorld.StartAsync(CreateAsync);
        var collaboration = await world.SetUpAsync();
        var turn = TurnWorld.Command(TurnWorld.Va, "propose update weekdays 17:00", "Ev-duplicate");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => world.DispatchAsync(turn))));

        outcomes.Sum(o => o.Posted.Count).Should().Be(1);
        (await world.RhythmsAsync(collaboration)).Should().ContainSingle();
    }

    [SkippableFact]
    public async Task A_claim_holds_while_its_turn_runs_and_is_taken_over_only_after_its_lease()
    {
        await using var db = await CreateAsync();
        using var scope = db.Scope();
        var events = StorageFixture.Get<IEventLedger>(scope);
        var lease = TurnDispatcher.ClaimLease;

        (await events.TryClaimAsync("slack", "Ev1", Now, lease, default)).Should().BeTrue();
        (await events.TryClaimAsync("slack", "Ev1", Now + Duration.FromSeconds(5), lease, default)).Should().BeFalse("the first turn still runs");
        (await events.TryClaimAsync("slack", "Ev1", Now + lease + Duration.FromSeconds(1), lease, default)).Should().BeTrue("its node died");
        await events.ReleaseAsync("slack", "Ev1", default);
        (await events.TryClaimAsync("slack", "Ev1", Now + lease, lease, default)).Should().BeTrue("a failed turn gives its claim back");
        await events.CompleteAsync("slack", "Ev1", default);
        (await events.TryClaimAsync("slack", "Ev1", Now + Duration.FromDays(1), lease, default)).Should().BeFalse("done is done");
        await events.ReleaseAsync("slack", "Ev1", default);
        (await events.TryClaimAsync("slack", "Ev1", Now + Duration.FromDays(1), lease, default)).Should().BeFalse("a release does not undo a done event");
    }
}

public sealed class SqliteExactlyOnceTests : ExactlyOnceContract
{
    protected override Task<StorageFixture> CreateAsync(Action<IServiceCollection>? services = null) => StorageFixture.SqliteAsync(services);
}

public sealed class PostgresExactlyOnceTests : ExactlyOnceContract
{
    protected override Task<StorageFixture> CreateAsync(Action<IServiceCollection>? services = null) => StorageFixture.PostgresAsync(services);
}
