using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Rhythms;
using NodaTime;

namespace CheckinBot.Core.Tests.Rhythms;

public class AgreementTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);

    private static Rhythm ProposedByVa() =>
        Rhythm.Propose(Guid.NewGuid(), 1, RhythmKind.Update, Days.Weekdays, new LocalTime(17, 0), "Europe/Brussels", "ina", Side.Va, Now);

    [Fact]
    public void The_other_side_accepts_a_proposal()
    {
        var rhythm = ProposedByVa();

        rhythm.Accept("tom", Side.Client, Now).Should().Be(AgreementError.None);

        rhythm.State.Should().Be(RhythmState.Agreed);
        rhythm.AgreedAt.Should().Be(Now);
        rhythm.Events.Select(e => e.Action).Should().Equal(RhythmAction.Proposed, RhythmAction.Accepted);
        rhythm.Events[1].ActorId.Should().Be("tom");
    }

    [Fact]
    public void A_side_cannot_accept_its_own_proposal()
    {
        var rhythm = ProposedByVa();

        rhythm.Accept("ina", Side.Va, Now).Should().Be(AgreementError.OwnProposal);

        rhythm.State.Should().Be(RhythmState.Proposed);
        rhythm.Events.Should().HaveCount(1);
    }

    [Fact]
    public void Only_an_open_proposal_can_be_accepted_or_declined()
    {
        var rhythm = ProposedByVa();
        rhythm.Decline("tom", Side.Client, Now, "too late").Should().Be(AgreementError.None);

        rhythm.Accept("tom", Side.Client, Now).Should().Be(AgreementError.NotOpen);
        rhythm.Decline("tom", Side.Client, Now, null).Should().Be(AgreementError.NotOpen);
        rhythm.State.Should().Be(RhythmState.Declined);
        rhythm.Events.Last().Detail.Should().Be("too late");
    }

    [Fact]
    public void Pause_until_a_date_runs_again_from_that_date()
    {
        var rhythm = ProposedByVa();
        rhythm.Accept("tom", Side.Client, Now);

        rhythm.Pause("ina", Now, new LocalDate(2026, 12, 24)).Should().Be(AgreementError.None);

        rhythm.RunsOn(new LocalDate(2026, 12, 23)).Should().BeFalse();
        rhythm.RunsOn(new LocalDate(2026, 12, 24)).Should().BeTrue();
        rhythm.IsScheduled.Should().BeTrue();
    }

    [Fact]
    public void Pause_without_a_date_holds_until_resumed()
    {
        var rhythm = ProposedByVa();
        rhythm.Accept("tom", Side.Client, Now);
        rhythm.Pause("ina", Now, null);

        rhythm.IsScheduled.Should().BeFalse();
        rhythm.RunsOn(new LocalDate(2030, 1, 1)).Should().BeFalse();

        rhythm.Resume("tom", Now + Duration.FromDays(3)).Should().Be(AgreementError.None);
        rhythm.State.Should().Be(RhythmState.Agreed);
        rhythm.PlannedUntil.Should().Be(Now + Duration.FromDays(3), "nothing is caught up for the paused days");
    }

    [Fact]
    public void Resume_and_pause_refuse_the_wrong_state()
    {
        var rhythm = ProposedByVa();

        rhythm.Pause("ina", Now, null).Should().Be(AgreementError.NotAgreed);
        rhythm.Resume("ina", Now).Should().Be(AgreementError.NotPaused);
    }

    [Fact]
    public void Retire_ends_a_rhythm_once()
    {
        var rhythm = ProposedByVa();
        rhythm.Accept("tom", Side.Client, Now);

        rhythm.Retire("tom", Now).Should().Be(AgreementError.None);
        rhythm.Retire("tom", Now).Should().Be(AgreementError.AlreadyRetired);
        rhythm.IsScheduled.Should().BeFalse();
        rhythm.Events.Select(e => e.Action).Should().EndWith(RhythmAction.Retired);
    }
}
