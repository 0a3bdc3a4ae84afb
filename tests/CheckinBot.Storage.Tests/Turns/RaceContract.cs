using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Conversations;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Texts;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CheckinBot.Storage.Tests.Turns;

/// <summary>No lost updates when turns race: concurrency tokens, numbers from the database, one retry, then one clear line.</summary>
public abstract class RaceContract
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);

    protected abstract Task<StorageFixture> CreateAsync(Action<IServiceCollection>? services = null);

    [SkippableFact]
    public async Task A_rhythm_changed_by_another_turn_since_it_was_read_is_not_overwritten()
    {
        await using var world = await TurnWorld.StartAsync(CreateAsync);
        var collaboration = await world.SetUpAsync();
        await world.DispatchAsync(TurnWorld.Command(TurnWorld.Va, "propose update weekdays 17:00"));
        using var accepting = world.Database.Scope();
        using var replacing = world.Database.Scope();
        var acceptor = StorageFixture.Get<IRhythmStore>(accepting);
        var replacer = StorageFixture.Get<IRhythmStore>(replacing);
        var accepted = (await acceptor.ListByCollaborationAsync(collaboration, default)).Single();
        var replaced = (await replacer.ListByCollaborationAsync(collaboration, default)).Single();

        accepted.Accept(TurnWorld.Client, Side.Client, Now).Should().Be(AgreementError.None);
        await acceptor.SaveAsync([accepted], default);
        replaced.Supersede(TurnWorld.Va, Now, 2);
        var stale = () => replacer.SaveAsync([replaced], default);

        await stale.Should().ThrowAsync<ConcurrentChangeException>();
        var rhythm = (await world.RhythmsAsync(collaboration)).Single();
        rhythm.State.Should().Be(RhythmState.Agreed);
        rhythm.Events.Select(e => e.Action).Should().Equal(RhythmAction.Proposed, RhythmAction.Accepted);
    }

    [SkippableFact]
    public async Task A_collaboration_changed_by_another_turn_since_it_was_read_is_not_overwritten()
    {
        await using var world = await TurnWorld.StartAsync(CreateAsync);
        var id = await world.SetUpAsync();
        using var first = world.Database.Scope();
        using var second = world.Database.Scope();
        var one = await StorageFixture.Get<ICollaborationStore>(first).GetAsync(id, default);
        var other = await StorageFixture.Get<ICollaborationStore>(second).GetAsync(id, default);

        one!.FocusUntil = Now + Duration.FromHours(1);
        await StorageFixture.Get<ICollaborationStore>(first).UpdateAsync(one, default);
        other!.Language = "fr";
        var stale = () => StorageFixture.Get<ICollaborationStore>(second).UpdateAsync(other, default);

        await stale.Should().ThrowAsync<ConcurrentChangeException>();
        using var read = world.Database.Scope();
        var stored = await StorageFixture.Get<ICollaborationStore>(read).GetAsync(id, default);
        stored!.Language.Should().Be("en");
        stored.FocusUntil.Should().Be(Now + Duration.FromHours(1));
    }

    [SkippableFact]
    public async Task A_proposal_number_another_turn_took_first_is_refused_by_the_database()
    {
        await using var world = await TurnWorld.StartAsync(CreateAsync);
        var collaboration = await world.SetUpAsync();
        using var first = world.Database.Scope();
        using var second = world.Database.Scope();
        var update = Rhythm.Propose(collaboration, 1, RhythmKind.Update, Days.Weekdays, new LocalTime(17, 0), "Europe/Brussels", TurnWorld.Va, Side.Va, Now);
        var plan = Rhythm.Propose(collaboration, 1, RhythmKind.Plan, Days.Weekdays, new LocalTime(9, 0), "Europe/Brussels", TurnWorld.Client, Side.Client, Now);

        await StorageFixture.Get<IRhythmStore>(first).SaveAsync([update], default);
        var taken = () => StorageFixture.Get<IRhythmStore>(second).SaveAsync([plan], default);

        await taken.Should().ThrowAsync<ConcurrentChangeException>();
        (await world.RhythmsAsync(collaboration)).Should().ContainSingle().Which.Kind.Should().Be(RhythmKind.Update);
    }

    [SkippableFact]
    public async Task A_turn_that_loses_a_race_runs_once_more_from_a_fresh_read()
    {
        await using var world = await TurnWorld.StartAsync(CreateAsync);
        var collaboration = await world.SetUpAsync();
        world.Race.Losses = 1;

        var outcome = await world.DispatchAsync(TurnWorld.Command(TurnWorld.Va, "propose update weekdays 17:00", "Ev-race-once"));

        outcome.Posted.Should().ContainSingle().Which.Message.Message.PlainText.Should().Contain("#1");
        (await world.RhythmsAsync(collaboration)).Should().ContainSingle();
    }

    [SkippableFact]
    public async Task A_turn_that_loses_twice_is_answered_with_one_clear_line_and_changes_nothing()
    {
        await using var world = await TurnWorld.StartAsync(CreateAsync);
        var collaboration = await world.SetUpAsync();
        world.Race.Losses = 2;

        var outcome = await world.DispatchAsync(TurnWorld.Command(TurnWorld.Va, "propose update weekdays 17:00", "Ev-race-twice"));
        var retry = await world.DispatchAsync(TurnWorld.Command(TurnWorld.Va, "propose update weekdays 17:00", "Ev-race-twice"));

        var answer = outcome.Posted.Should().ContainSingle().Subject.Message;
        answer.Message.PlainText.Should().Be(Localizer.Get("en", "error.concurrentChange"));
        answer.To.OnlyFor.Should().Be(TurnWorld.Va);
        retry.Posted.Should().BeEmpty("the turn was answered");
        (await world.RhythmsAsync(collaboration)).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task An_accept_racing_a_counter_proposal_never_leaves_the_replaced_rhythm_agreed()
    {
        await using var world = await TurnWorld.StartAsync(CreateAsync);
        for (var round = 0; round < 6; round++)
        {
            var conversation = "C-race-" + round;
            var collaboration = await world.SetUpAsync(conversation);
            await world.DispatchAsync(TurnWorld.Command(TurnWorld.Va, "propose update weekdays 17:00", conversation: conversation));

            var outcomes = await Task.WhenAll(
                Task.Run(() => world.DispatchAsync(TurnWorld.Command(TurnWorld.Client, "accept 1", "Ev-accept-" + round, conversation))),
                Task.Run(() => world.DispatchAsync(TurnWorld.Command(TurnWorld.Va, "propose update weekdays 16:00", "Ev-counter-" + round, conversation))));

            outcomes.Should().AllSatisfy(o => o.Posted.Should().NotBeEmpty("each side hears what became of its turn"));
            var rhythms = await world.RhythmsAsync(collaboration);
            var first = rhythms.Single(r => r.Number == 1);
            var trail = first.Events.Select(e => e.Action).ToList();
            (trail.Contains(RhythmAction.Accepted) && trail.Contains(RhythmAction.Superseded)).Should().BeFalse(
                "rhythm #1 was either accepted or replaced, not both (round {0}: {1})", round, string.Join(",", trail));
            first.State.Should().Be(trail.Contains(RhythmAction.Accepted) ? RhythmState.Agreed : RhythmState.Superseded);
            rhythms.Select(r => r.Number).Should().OnlyHaveUniqueItems();
        }
    }

    [SkippableFact]
    public async Task Two_proposals_at_once_get_distinct_numbers_or_one_clear_line()
    {
        await using var world = await TurnWorld.StartAsync(CreateAsync);
        var collaboration = await world.SetUpAsync();

        var outcomes = await Task.WhenAll(
            Task.Run(() => world.DispatchAsync(TurnWorld.Command(TurnWorld.Va, "propose update weekdays 17:00", "Ev-update"))),
            Task.Run(() => world.DispatchAsync(TurnWorld.Command(TurnWorld.Client, "propose plan mon 09:00", "Ev-plan"))));

        var rhythms = await world.RhythmsAsync(collaboration);
        rhythms.Select(r => r.Number).Should().OnlyHaveUniqueItems().And.BeSubsetOf([1, 2]);
        var clearLines = outcomes.SelectMany(o => o.Posted).Count(p => p.Message.Message.PlainText == Localizer.Get("en", "error.concurrentChange"));
        (rhythms.Count + clearLines).Should().Be(2);
    }
}

public sealed class SqliteRaceTests : RaceContract
{
    protected override Task<StorageFixture> CreateAsync(Action<IServiceCollection>? services = null) => StorageFixture.SqliteAsync(services);
}

public sealed class PostgresRaceTests : RaceContract
{
    protected override Task<StorageFixture> CreateAsync(Action<IServiceCollection>? services = null) => StorageFixture.PostgresAsync(services);
}
