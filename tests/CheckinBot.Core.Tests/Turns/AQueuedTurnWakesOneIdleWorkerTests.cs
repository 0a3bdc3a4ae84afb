using CheckinBot.Core.Conversations;
using CheckinBot.Core.Turns;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Core.Tests.Turns;

/// <summary>
/// Idle workers wait for a turn each, and a queued turn goes to one of them: it does not wake every idle worker to find
/// the queue empty again and wait anew, allocating a new wait each time (issue 11: with the host's workers idle, those
/// waits were a sixth of the bytes a slash command allocated).
/// </summary>
public sealed class AQueuedTurnWakesOneIdleWorkerTests
{
    private const int Workers = 8;
    private const int Turns = 2_000;

    private static PendingTurn Turn() => new(new ChatTurn
    {
        Platform = "test", WorkspaceId = "W1", ConversationId = "C1", Person = new ChatPerson("U1"), Kind = TurnKind.Command, Text = "help",
    }, HandOver.None);

    [Fact]
    public async Task EightIdleWorkersCostOneWaitATurn()
    {
        var inbox = new TurnInbox();
        var time = new FakeTimeProvider();
        var turns = Enumerable.Range(0, Turns + 100).Select(_ => Turn()).ToArray();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, Workers).Select(_ => inbox.ReadAllAsync(stop.Token).GetAsyncEnumerator()).ToArray();
        var waits = workers.Select(w => w.MoveNextAsync().AsTask()).ToArray();

        var lost = 0;
        async Task QueueAsync(PendingTurn turn)
        {
            // No assertion inside the measured loop: an assertion allocates too.
            var queued = await inbox.TryQueueAsync(turn, TimeSpan.Zero, time, default);
            var taken = Array.FindIndex(waits, w => w.IsCompleted);
            if (!queued || taken < 0 || !ReferenceEquals(workers[taken].Current, turn))
            {
                lost++;
                return;
            }

            waits[taken] = workers[taken].MoveNextAsync().AsTask();
        }

        foreach (var turn in turns.Take(100))
        {
            await QueueAsync(turn);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var turn in turns.Skip(100))
        {
            await QueueAsync(turn);
        }

        var perTurn = (GC.GetAllocatedBytesForCurrentThread() - before) / Turns;
        lost.Should().Be(0, "an idle worker took each turn on the queueing thread");

        // 1,040 bytes a turn when every idle worker woke and waited anew, 368 with one wait a turn (Debug build).
        perTurn.Should().BeLessThan(600, "a queued turn with {0} idle workers allocated {1} bytes", Workers, perTurn);
        await stop.CancelAsync();
        foreach (var worker in workers)
        {
            await worker.DisposeAsync();
        }
    }
}
