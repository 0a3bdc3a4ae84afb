using CheckinBot.Bench.Peers;

namespace CheckinBot.Bench.Tests;

public sealed class AnswersAreMatchedToWhatWasSent
{
    private readonly AnswerLedger ledger = new();

    [Fact]
    public async Task AnAnswerNamingItsCommandSettlesThatCommandEvenWhenOthersWaitedLonger()
    {
        var older = ledger.Expect("s-1", "C1", sentAt: 1);
        var named = ledger.Expect("s-2", "C1", sentAt: 2);

        ledger.Answer("s-2", null, new Outcome(OutcomeKind.Answered, 10, 42));

        (await named.Outcome).Should().Be(new Outcome(OutcomeKind.Answered, 10, 42));
        older.Outcome.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task AnAnswerInAPlaceSettlesTheOldestCommandWaitingThere()
    {
        var first = ledger.Expect("s-1", "C1", sentAt: 1);
        var elsewhere = ledger.Expect("s-2", "C2", sentAt: 2);
        var second = ledger.Expect("s-3", "C1", sentAt: 3);

        ledger.Answer(null, "C1", new Outcome(OutcomeKind.Answered, 10));
        ledger.Answer(null, "C1", new Outcome(OutcomeKind.Busy, 11));

        (await first.Outcome).Kind.Should().Be(OutcomeKind.Answered);
        (await second.Outcome).Kind.Should().Be(OutcomeKind.Busy);
        elsewhere.Outcome.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task ACommandAnsweredInItsAcknowledgementTakesNoLaterAnswer()
    {
        var acknowledged = ledger.Expect("s-1", "C1", sentAt: 1);
        acknowledged.Settle(new Outcome(OutcomeKind.Answered, 5), byAck: true);
        var waiting = ledger.Expect("s-2", "C1", sentAt: 2);

        ledger.Answer(null, "C1", new Outcome(OutcomeKind.Answered, 10));

        (await waiting.Outcome).At.Should().Be(10);
        ledger.Unmatched.Should().Be(0);
    }

    [Fact]
    public async Task ALateAnswerBelongsToTheCommandThatGaveUpAndIsCountedUnmatched()
    {
        var gaveUp = ledger.Expect("s-1", "C1", sentAt: 1);
        gaveUp.Settle(new Outcome(OutcomeKind.Unanswered, 3));
        ledger.Forget(gaveUp);
        var next = ledger.Expect("s-2", "C1", sentAt: 2);

        ledger.Answer(null, "C1", new Outcome(OutcomeKind.Answered, 10));

        (await gaveUp.Outcome).Kind.Should().Be(OutcomeKind.Unanswered);
        next.Outcome.IsCompleted.Should().BeFalse();
        ledger.Unmatched.Should().Be(1);
    }

    [Fact]
    public void AnAnswerForNothingSentIsCountedUnmatched()
    {
        ledger.Answer("s-9", "C9", new Outcome(OutcomeKind.Answered, 10));

        ledger.Unmatched.Should().Be(1);
        ledger.LastAnswerAt.Should().Be(10);
    }
}
