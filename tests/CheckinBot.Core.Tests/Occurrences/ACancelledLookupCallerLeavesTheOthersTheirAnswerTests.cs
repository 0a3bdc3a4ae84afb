using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Occurrences;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CheckinBot.Core.Tests.Occurrences;

/// <summary>
/// The occurrences of one conversation share one read of its history after a takeover. Whoever asks first starts that
/// read, but the read is not theirs to cancel: a caller that gives up fails only itself.
/// </summary>
public class ACancelledLookupCallerLeavesTheOthersTheirAnswerTests
{
    private static readonly Instant Due = Instant.FromUtc(2026, 12, 1, 16, 0);
    private static readonly ChatAddress Channel = ChatAddress.Conversation(HeldHistory.Name, "T1", "C1");

    [Fact]
    public async Task The_first_caller_cancelling_does_not_fail_the_second_caller_waiting_on_the_same_read()
    {
        var first = Marked();
        var second = Marked();
        var history = new HeldHistory(second.Key);
        var lookups = new RecoveryLookups([(first, Channel), (second, Channel)], new ChatGateways([history]), new DeliveryOptions(),
            new DeliveryClock(Due, new FakeTimeProvider(Due.ToDateTimeOffset())), CancellationToken.None);
        using var firstGivesUp = new CancellationTokenSource();

        var firstAsks = lookups.FindAsync(first, Channel, firstGivesUp.Token);
        var secondAsks = lookups.FindAsync(second, Channel, CancellationToken.None);
        await firstGivesUp.CancelAsync();
        history.Answer();

        await FluentActions.Awaiting(() => firstAsks).Should().ThrowAsync<OperationCanceledException>("the first caller gave up");
        (await secondAsks).Should().NotBeNull("the read itself was not cancelled, and it found the second occurrence's post");
        history.Reads.Should().Be(1, "both share one read of the conversation");
    }

    [Fact]
    public async Task A_read_cancelled_with_the_whole_batch_fails_every_caller()
    {
        var first = Marked();
        var second = Marked();
        var history = new HeldHistory(second.Key);
        using var batch = new CancellationTokenSource();
        var lookups = new RecoveryLookups([(first, Channel), (second, Channel)], new ChatGateways([history]), new DeliveryOptions(),
            new DeliveryClock(Due, new FakeTimeProvider(Due.ToDateTimeOffset())), batch.Token);

        var firstAsks = lookups.FindAsync(first, Channel, CancellationToken.None);
        var secondAsks = lookups.FindAsync(second, Channel, CancellationToken.None);
        await batch.CancelAsync();

        await FluentActions.Awaiting(() => firstAsks).Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(() => secondAsks).Should().ThrowAsync<OperationCanceledException>("the batch stopped: nobody waits for the read");
    }

    private static Occurrence Marked() => new()
    {
        Id = Guid.NewGuid(), RhythmId = Guid.NewGuid(), CollaborationId = Guid.NewGuid(), Due = Due, RemindAt = Due - Duration.FromMinutes(15),
        Status = OccurrenceStatus.Pending, LeaseOwner = "node-b", LeaseUntil = Due + Duration.FromSeconds(9), Attempts = 2, SendingSince = Due,
    };

    /// <summary>A history read that waits until the test answers it, honouring the token it was started with.</summary>
    private sealed class HeldHistory(string postedKey) : IChatGateway
    {
        public const string Name = "held";

        private readonly TaskCompletionSource answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int reads;

        public string Platform => Name;

        public int Reads => Volatile.Read(ref reads);

        public void Answer() => answer.TrySetResult();

        public Task<PostReceipt> PostAsync(OutboundMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A lookup posts nothing.");

        public Task<PostReceipt?> FindPostedAsync(ChatAddress where, string occurrenceKey, PostWindow window, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The lookups read a conversation once for all its keys.");

        public async Task<IReadOnlyDictionary<string, PostReceipt>> FindPostedManyAsync(ChatAddress where, IReadOnlyCollection<string> occurrenceKeys,
            PostWindow window, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref reads);
            await answer.Task.WaitAsync(cancellationToken);
            return occurrenceKeys.Contains(postedKey)
                ? new Dictionary<string, PostReceipt>(StringComparer.Ordinal) { [postedKey] = new PostReceipt("m1", Due.ToDateTimeOffset()) }
                : new Dictionary<string, PostReceipt>(StringComparer.Ordinal);
        }
    }
}
