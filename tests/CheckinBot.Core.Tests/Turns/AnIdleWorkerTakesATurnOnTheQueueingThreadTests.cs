using CheckinBot.Core.Conversations;
using CheckinBot.Core.Tests.Pings;
using CheckinBot.Core.Turns;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Core.Tests.Turns;

/// <summary>
/// A worker that waits for a turn takes the next one on the thread that queues it, so a quiet bot wakes no second thread
/// per command; while every worker is busy, turns wait in the queue as before.
/// </summary>
public sealed class AnIdleWorkerTakesATurnOnTheQueueingThreadTests
{
    private readonly TurnInbox inbox = new(capacity: 4);
    private readonly FakeTimeProvider time = new();

    private static PendingTurn Turn(string text) => new(new ChatTurn
    {
        Platform = PingWorld.Platform, WorkspaceId = PingWorld.Workspace, ConversationId = PingWorld.Channel, Person = new ChatPerson("tom"),
        Kind = TurnKind.Command, Text = text,
    }, HandOver.None);

    [Fact]
    public async Task AWaitingWorkerHasTheTurnBeforeTheQueueingCallReturns()
    {
        await using var worker = inbox.ReadAllAsync(default).GetAsyncEnumerator();
        var next = worker.MoveNextAsync();
        next.IsCompleted.Should().BeFalse("nothing is queued yet");
        var turn = Turn("help");

        var queued = await inbox.TryQueueAsync(turn, TimeSpan.Zero, time, default);

        queued.Should().BeTrue();
        next.IsCompleted.Should().BeTrue("the waiting worker continued on the queueing thread");
        (await next).Should().BeTrue();
        worker.Current.Should().BeSameAs(turn);
        inbox.Count.Should().Be(0);
    }

    [Fact]
    public async Task WithNoWorkerWaitingTheTurnWaitsInTheQueue()
    {
        var turn = Turn("status");

        var queued = await inbox.TryQueueAsync(turn, TimeSpan.Zero, time, default);

        queued.Should().BeTrue();
        inbox.Count.Should().Be(1);
        inbox.TryRead(out var taken).Should().BeTrue();
        taken.Should().BeSameAs(turn);
    }
}
