using CheckinBot.Core.Conversations;
using CheckinBot.Core.Turns;

namespace CheckinBot.Core.Tests.Turns;

/// <summary>
/// <see cref="TurnInbox.WhenIdleAsync"/> is a signal, not a poll: it completes when the last waiting turn is taken, with
/// no clock to move on, and never misses the moment when takers and waiters overlap.
/// </summary>
public sealed class TheInboxSignalsWhenItDrainsTests
{
    /// <summary>How long a test waits for what must already have happened: a guard against a hang, not a measure.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly TurnInbox inbox = new(100);

    [Fact]
    public void AnEmptyInboxIsIdleAtOnce()
    {
        inbox.WhenIdleAsync(default).IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task TheWaitEndsWhenTheLastWaitingTurnIsTakenAndNotBefore()
    {
        await inbox.QueueAsync(Turn("1"), default);
        await inbox.QueueAsync(Turn("2"), default);

        var idle = inbox.WhenIdleAsync(default);
        inbox.TryRead(out _).Should().BeTrue();
        var stillWaiting = idle.IsCompleted;
        inbox.TryRead(out _).Should().BeTrue();

        stillWaiting.Should().BeFalse("one turn still waited");
        await idle.WaitAsync(Guard);
        inbox.Count.Should().Be(0);
    }

    [Fact]
    public async Task AnInboxThatFillsAgainMakesTheNextWaitWaitAgain()
    {
        await inbox.QueueAsync(Turn("1"), default);
        var first = inbox.WhenIdleAsync(default);
        inbox.TryRead(out _);
        await first.WaitAsync(Guard);

        await inbox.QueueAsync(Turn("2"), default);
        var second = inbox.WhenIdleAsync(default);

        second.IsCompleted.Should().BeFalse();
        inbox.TryRead(out _);
        await second.WaitAsync(Guard);
    }

    [Fact]
    public async Task AWaitIsCancelledWithItsToken()
    {
        await inbox.QueueAsync(Turn("1"), default);
        using var cancel = new CancellationTokenSource();

        var idle = inbox.WhenIdleAsync(cancel.Token);
        await cancel.CancelAsync();

        await idle.Invoking(t => t.WaitAsync(Guard)).Should().ThrowAsync<OperationCanceledException>();
        inbox.Count.Should().Be(1);
    }

    [Fact]
    public async Task TurnsReadByWorkersAreAllSeenAndTheWaitEndsWhenTheyAreGone()
    {
        using var stop = new CancellationTokenSource();
        var seen = 0;
        for (var i = 0; i < 50; i++)
        {
            await inbox.QueueAsync(Turn(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), default);
        }

        var idle = inbox.WhenIdleAsync(default);
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await foreach (var _ in inbox.ReadAllAsync(stop.Token))
            {
                Interlocked.Increment(ref seen);
            }
        })).ToList();

        await idle.WaitAsync(Guard);
        inbox.Count.Should().Be(0);
        await stop.CancelAsync();
        await Task.WhenAll(workers).Invoking(t => t.WaitAsync(Guard)).Should().ThrowAsync<OperationCanceledException>();
        seen.Should().Be(50);
    }

    [Fact]
    public async Task TakersAndWaitersOverlappingNeverLoseTheSignal()
    {
        // Many rounds of one turn queued, a waiter arming the signal and a taker taking the turn, released together by a
        // barrier so that their order varies from round to round; every wait must end once the turn is gone. Each runs
        // on a thread of its own: a barrier must not hold the pool's threads that other tests run on.
        using var start = new Barrier(2);
        for (var round = 0; round < 200; round++)
        {
            await inbox.QueueAsync(Turn("r"), default);
            var waiter = Task.Factory.StartNew(() =>
            {
                start.SignalAndWait(Guard);
                return inbox.WhenIdleAsync(default);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            var taker = Task.Factory.StartNew(() =>
            {
                start.SignalAndWait(Guard);
                return inbox.TryRead(out _);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

            (await taker.WaitAsync(Guard)).Should().BeTrue();
            await waiter.WaitAsync(Guard);
        }

        inbox.Count.Should().Be(0);
    }

    private static PendingTurn Turn(string id) => new(new ChatTurn
    {
        Platform = "test", WorkspaceId = "W1", ConversationId = "C1", Person = new ChatPerson("U" + id), Kind = TurnKind.Command, Text = "help",
    }, HandOver.None);
}
