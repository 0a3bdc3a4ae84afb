using CheckinBot.Core.Messages;
using CheckinBot.Core.Occurrences;
using NodaTime;

namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>
/// Delivery across nodes that cannot double a post: leases from each claim, renewed while posting; each post recorded as
/// the platform confirms it; takeover after a lease ran out asks the platform first; retries bounded; Post now by the
/// same claim.
/// </summary>
public abstract class DeliveryContract
{
    private static readonly Instant Due = DeliveryWorld.Due;
    private static readonly Duration Lease = new DeliveryOptions().Lease;

    protected abstract Task<StorageFixture> CreateAsync();

    [SkippableFact]
    public async Task Each_post_is_recorded_as_the_platform_confirms_it_before_the_batch_ends()
    {
        await using var world = await DeliveryWorld.StartAsync(CreateAsync);
        await world.PlanAsync(8);
        var node = world.Node("node-a", Due);
        node.Gateway.Gate = GateMode.BeforePosting;
        using var crash = new CancellationTokenSource();

        var delivering = node.DeliverAsync(crash.Token);
        await Until(() => node.Gateway.Waiting == 8);
        node.Gateway.Release(5);

        // Three posts are still waiting, so the batch has not ended: the five made must already be in the ledger.
        var rows = await world.LedgerWhenAsync(r => r.Count(o => o.Status == OccurrenceStatus.Posted) == 5, "five posts recorded");
        var madeIds = world.Platform.Posts.Select(p => p.Id).ToList();
        rows.Where(o => o.Status == OccurrenceStatus.Posted).Select(o => o.MessageId).Should().BeEquivalentTo(madeIds);
        node.Gateway.Waiting.Should().Be(3, "the batch is still posting");

        await crash.CancelAsync();
        await FluentActions.Awaiting(() => delivering).Should().ThrowAsync<OperationCanceledException>();
    }

    [SkippableFact]
    public async Task Each_claim_takes_its_lease_from_its_own_moment_and_renews_it_while_posting()
    {
        await using var world = await DeliveryWorld.StartAsync(CreateAsync);
        await world.PlanAsync(4);
        var node = world.Node("node-a", Due, o => o.BatchSize = 2);
        node.Gateway.Gate = GateMode.BeforePosting;

        var delivering = node.DeliverAsync();
        await Until(() => node.Gateway.Waiting == 2);
        var rows = await world.LedgerAsync();
        rows.Where(o => o.LeaseOwner == "node-a").Should().HaveCount(2).And.OnlyContain(o => o.LeaseUntil == Due + Lease);
        rows.Where(o => o.LeaseOwner is null).Should().HaveCount(2, "the second batch is not claimed yet");

        node.Clock.Advance((Lease / 3).ToTimeSpan());
        await world.LedgerWhenAsync(r => r.Count(o => o.LeaseUntil == Due + Lease / 3 + Lease) == 2, "the first batch's lease renewed a third of a lease on");

        node.Clock.Advance(TimeSpan.FromSeconds(4));
        node.Gateway.Release(2);
        rows = await world.LedgerWhenAsync(r => r.Count(o => o.Status == OccurrenceStatus.Posted) == 2 && r.All(o => o.LeaseOwner is not null), "the second batch claimed");
        var secondClaimedAt = Due + Lease / 3 + Duration.FromSeconds(4);
        rows.Where(o => o.Status == OccurrenceStatus.Pending).Should().HaveCount(2)
            .And.OnlyContain(o => o.LeaseUntil == secondClaimedAt + Lease, "the second batch's lease runs from its own claim");
        await Until(() => node.Gateway.Waiting == 2);

        node.Gateway.Release(2);
        var report = await delivering;
        report.Posted.Should().Be(4);
        world.Platform.ChannelPosts.Should().HaveCount(4);
    }

    [SkippableFact]
    public async Task A_node_taking_over_after_the_lease_ran_out_records_what_the_platform_has_and_posts_only_the_rest()
    {
        await using var world = await DeliveryWorld.StartAsync(CreateAsync);
        await world.PlanAsync(6);
        var dying = world.Node("node-a", Due, o => o.Parallelism = 2);
        dying.Gateway.Gate = GateMode.AfterPosting;
        world.PlatformClock.Advance(TimeSpan.FromSeconds(1));
        using var crash = new CancellationTokenSource();

        // Node A posts two and hears back; posts two more and dies before Teams or Slack answer; two it never starts.
        var delivering = dying.DeliverAsync(crash.Token);
        await Until(() => dying.Gateway.Waiting == 2);
        dying.Gateway.Release(2);
        await world.LedgerWhenAsync(r => r.Count(o => o.Status == OccurrenceStatus.Posted) == 2, "the two confirmed posts recorded");
        await Until(() => dying.Gateway.Waiting == 2);
        var answerLost = world.Platform.Posts.Skip(2).ToList();

        // Node B comes round three minutes after the due time: later than "late", well within the grace period.
        world.PlatformClock.Advance(TimeSpan.FromMinutes(3));
        var survivor = world.Node("node-b", Due + Duration.FromMinutes(3));
        var report = await survivor.DeliverAsync();

        report.Posted.Should().Be(4);
        world.Platform.Lookups.Should().Be(2, "only the two on their way when it died were handed to the platform; the two never begun are not looked up");
        world.Platform.ChannelPosts.Should().HaveCount(6).And.OnlyHaveUniqueItems(p => p.OccurrenceKey, "nothing is posted twice");
        var rows = await world.LedgerAsync();
        rows.Should().OnlyContain(o => o.Status == OccurrenceStatus.Posted);
        foreach (var (message, id, at) in answerLost)
        {
            var row = rows.Single(o => o.Key == message.OccurrenceKey);
            row.MessageId.Should().Be(id);
            row.PostedAt.Should().Be(Instant.FromDateTimeOffset(at), "a post found on the platform is recorded with the platform's time");
            row.Late.Should().BeFalse("it went out one second after the due time");
        }

        rows.Count(o => o.Late).Should().Be(2, "only the two posted three minutes after the due time are late");
        await crash.CancelAsync();
        await FluentActions.Awaiting(() => delivering).Should().ThrowAsync<OperationCanceledException>();
    }

    [SkippableFact]
    public async Task A_node_taking_over_asks_the_platform_only_about_what_the_dead_node_had_handed_over()
    {
        await using var world = await DeliveryWorld.StartAsync(CreateAsync);
        await world.PlanAsync(20);
        var dying = world.Node("node-a", Due, o => o.Parallelism = 1);
        dying.Gateway.Gate = GateMode.AfterPosting;
        using var crash = new CancellationTokenSource();

        // One conversation at a time, each marked as its turn comes: node A confirms three posts and dies while the
        // fourth is on its way.
        var delivering = dying.DeliverAsync(crash.Token);
        dying.Gateway.Release(3);
        await world.LedgerWhenAsync(r => r.Count(o => o.Status == OccurrenceStatus.Posted) == 3, "three posts recorded");
        await Until(() => dying.Gateway.Waiting == 1);
        (await world.LedgerAsync()).Count(o => o.SendingSince is not null && o.Status == OccurrenceStatus.Pending).Should().Be(1);

        var survivor = world.Node("node-b", Due + Lease);
        var report = await survivor.DeliverAsync();

        report.Posted.Should().Be(17);
        world.Platform.Lookups.Should().Be(1, "only the one marked as being sent could have been posted");
        world.Platform.ChannelPosts.Should().HaveCount(20).And.OnlyHaveUniqueItems(p => p.OccurrenceKey);
        await crash.CancelAsync();
        await FluentActions.Awaiting(() => delivering).Should().ThrowAsync<OperationCanceledException>();
    }

    [SkippableFact]
    public async Task A_node_that_dies_mid_batch_leaves_only_the_conversations_it_was_posting_to_to_be_looked_up()
    {
        const int parallelism = 4;
        await using var world = await DeliveryWorld.StartAsync(CreateAsync);
        await world.PlanAsync(60, conversations: 30);
        var dying = world.Node("node-a", Due, o => o.Parallelism = parallelism);
        dying.Gateway.Gate = GateMode.AfterPosting;
        using var crash = new CancellationTokenSource();

        // Thirty conversations with two updates each, four at a time: node A confirms ten posts, has four more on their way
        // (on the platform, unanswered) and dies, with sixteen conversations not begun.
        var delivering = dying.DeliverAsync(crash.Token);
        await Until(() => dying.Gateway.Waiting == parallelism);
        dying.Gateway.Release(10);
        await world.LedgerWhenAsync(r => r.Count(o => o.Status == OccurrenceStatus.Posted) == 10, "ten posts recorded");
        await Until(() => dying.Gateway.Waiting == parallelism);
        await crash.CancelAsync();
        await FluentActions.Awaiting(() => delivering).Should().ThrowAsync<OperationCanceledException>();
        var marked = (await world.LedgerAsync()).Where(o => o.SendingSince is not null && o.Status == OccurrenceStatus.Pending).ToList();
        marked.Select(o => o.CollaborationId).Distinct().Should().HaveCount(parallelism, "only the conversations being posted to were marked without an answer");

        var survivor = world.Node("node-b", Due + Lease);
        var report = await survivor.DeliverAsync();

        world.Platform.Lookups.Should().Be(parallelism, "at most Delivery:Parallelism conversations are left to look up, one read each");
        report.Posted.Should().Be(50);
        world.Platform.ChannelPosts.Should().HaveCount(60).And.OnlyHaveUniqueItems(p => p.OccurrenceKey, "the four found are recorded, not posted again");
        (await world.LedgerAsync()).Should().OnlyContain(o => o.Status == OccurrenceStatus.Posted);
    }

    [SkippableFact]
    public async Task A_node_taking_over_reads_each_conversation_once_for_all_the_occurrences_handed_over_there()
    {
        await using var world = await DeliveryWorld.StartAsync(CreateAsync);
        var ids = await world.PlanAsync(6, conversations: 2);
        var dead = world.Node("node-a", Due);
        var claimed = await dead.WithLedgerAsync(l => l.ClaimDueAsync(Due, "node-a", Due + Lease, 10, null, default));
        await dead.WithLedgerAsync(async l =>
        {
            await l.MarkSendingAsync("node-a", ids, Due, default);
            return 0;
        });

        // Node A's posts of two of them reached the platform, one in each conversation, before it died unrecorded.
        world.PlatformClock.Advance(TimeSpan.FromSeconds(2));
        var reached = new[] { ids[0], ids[1] }.Select(id => claimed.Single(o => o.Id == id)).ToList();
        var made = reached.Select((o, n) => world.Platform.Post(new OutboundMessage(
            ChatAddress.Conversation(FakePlatform.Name, "T1", $"C{n}"), BotMessage.Of(MessageKind.Update, "Update"), o.Key))).ToList();

        world.PlatformClock.Advance(TimeSpan.FromSeconds(8));
        var survivor = world.Node("node-b", Due + Lease);
        var report = await survivor.DeliverAsync();

        world.Platform.Lookups.Should().Be(2, "one read of each conversation answers for its three occurrences");
        report.Posted.Should().Be(6);
        world.Platform.ChannelPosts.Should().HaveCount(6).And.OnlyHaveUniqueItems(p => p.OccurrenceKey, "the two found are not posted again");
        var rows = await world.LedgerAsync();
        rows.Should().OnlyContain(o => o.Status == OccurrenceStatus.Posted);
        for (var n = 0; n < reached.Count; n++)
        {
            var row = rows.Single(o => o.Id == reached[n].Id);
            row.MessageId.Should().Be(made[n].MessageId, "a post found is recorded, not made again");
            row.PostedAt.Should().Be(Instant.FromDateTimeOffset(made[n].PostedAt!.Value), "with the platform's own time");
        }

        rows.Where(o => !reached.Any(r => r.Id == o.Id)).Should().OnlyContain(o => o.MessageId != null && !made.Any(m => m.MessageId == o.MessageId),
            "an occurrence the read did not find is posted by the survivor");
    }

    [SkippableFact]
    public async Task When_a_conversation_cannot_be_read_none_of_its_occurrences_is_posted()
    {
        await using var world = await DeliveryWorld.StartAsync(CreateAsync);
        var ids = await world.PlanAsync(3, conversations: 1);
        var dead = world.Node("node-a", Due);
        await dead.WithLedgerAsync(l => l.ClaimDueAsync(Due, "node-a", Due + Lease, 10, null, default));
        await dead.WithLedgerAsync(async l =>
        {
            await l.MarkSendingAsync("node-a", ids, Due, default);
            return 0;
        });
        world.Platform.FailLookups = true;

        var report = await world.Node("node-b", Due + Lease).DeliverAsync();

        world.Platform.Lookups.Should().Be(1, "the conversation is read once for all three");
        report.Failures.Select(f => f.OccurrenceId).Should().BeEquivalentTo(ids);
        world.Platform.Posts.Should().BeEmpty("a failed read is no proof that nothing was posted");
        (await world.LedgerAsync()).Should().OnlyContain(o => o.Status == OccurrenceStatus.Pending && o.LeaseUntil > Due + Lease, "each waits for a later try");
    }

    [SkippableFact]
    public async Task When_the_platform_cannot_be_asked_nothing_is_posted_and_the_occurrence_waits_for_a_later_try()
    {
        await using var world = await DeliveryWorld.StartAsync(CreateAsync);
        var id = (await world.PlanAsync(1)).Single();
        var dead = world.Node("node-a", Due);
        await dead.WithLedgerAsync(l => l.ClaimDueAsync(Due, "node-a", Due + Lease, 10, null, default));
        await dead.WithLedgerAsync(async l =>
        {
            await l.MarkSendingAsync("node-a", [id], Due, default);
            return 0;
        });
        world.Platform.FailLookups = true;

        var survivor = world.Node("node-b", Due + Lease);
        var report = await survivor.DeliverAsync();

        report.Posted.Should().Be(0);
        report.Failures.Should().ContainSingle().Which.OccurrenceId.Should().Be(id);
        world.Platform.Posts.Should().BeEmpty("a failed lookup is no proof that nothing was posted");
        var row = (await world.LedgerAsync()).Single();
        row.Status.Should().Be(OccurrenceStatus.Pending);
        (row.LeaseUntil > Due + Lease).Should().BeTrue("it is given back to be tried later");

        world.Platform.FailLookups = false;
        survivor.Clock.Advance(TimeSpan.FromMinutes(1));
        (await survivor.DeliverAsync()).Posted.Should().Be(1);
        world.Platform.ChannelPosts.Should().ContainSingle();
    }

    [SkippableFact]
    public async Task After_the_last_allowed_attempt_the_occurrence_is_missed_and_the_VA_told()
    {
        await using var world = await DeliveryWorld.StartAsync(CreateAsync);
        await world.PlanAsync(1);
        var dead = world.Node("node-a", Due);
        await dead.WithLedgerAsync(l => l.ClaimDueAsync(Due, "node-a", Due + Lease, 10, null, default));
        await dead.WithLedgerAsync(l => l.ClaimDueAsync(Due + Lease, "node-a", Due + Lease + Lease, 10, null, default));

        var survivor = world.Node("node-b", Due + Lease + Lease, o => o.MaxAttempts = 2);
        var report = await survivor.DeliverAsync();

        report.Missed.Should().Be(1);
        world.Platform.ChannelPosts.Should().BeEmpty();
        world.Platform.DirectMessages.Should().ContainSingle().Which.To.DirectTo.Should().Be("ina");
        (await world.LedgerAsync()).Single().Should().Match<Occurrence>(o => o.Status == OccurrenceStatus.Missed && o.Attempts == 3);
    }

    [SkippableFact]
    public async Task Post_now_does_not_post_what_a_running_delivery_is_posting()
    {
        await using var world = await DeliveryWorld.StartAsync(CreateAsync);
        var id = (await world.PlanAsync(1)).Single();
        var running = world.Node("node-a", Due);
        running.Gateway.Gate = GateMode.BeforePosting;
        var delivering = running.DeliverAsync();
        await Until(() => running.Gateway.Waiting == 1);

        var other = world.Node("node-b", Due + Duration.FromSeconds(1));
        (await other.PostNowAsync(id)).Should().BeFalse("node A holds it");

        running.Gateway.Release(1);
        (await delivering).Posted.Should().Be(1);
        (await other.PostNowAsync(id)).Should().BeFalse("it is posted");
        world.Platform.ChannelPosts.Should().ContainSingle();
    }

    private static async Task Until(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("The condition never held.");
            }

            await Task.Delay(10);
        }
    }
}

public sealed class SqliteDeliveryTests : DeliveryContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.SqliteAsync();
}

public sealed class PostgresDeliveryTests : DeliveryContract
{
    protected override Task<StorageFixture> CreateAsync() => StorageFixture.PostgresAsync();
}
