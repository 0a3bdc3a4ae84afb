using System.Collections.Concurrent;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Drafts;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Rhythms;
using CheckinBot.Core.Tasks;
using CheckinBot.Core.Telemetry;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>
/// Delivers what is due: claims occurrences with a lease taken at each claim and renewed while they are posted, posts each
/// through the chat gateway, and records each platform message id as soon as the platform confirmed it; sends the VA her
/// reminders; posts late within the grace period and records the rest as missed. An occurrence claimed before without a
/// recorded post, and handed to the platform then, is looked up there before it is posted again; when that lookup fails it
/// waits for a later try.
/// </summary>
public sealed class OccurrenceDelivery(
    IOccurrenceLedger ledger,
    IRhythmStore rhythms,
    ICollaborationStore collaborations,
    IDraftStore drafts,
    ITaskStore tasks,
    ChatGateways gateways,
    DeliveryOptions options,
    TimeProvider time)
{
    private static readonly Duration RetryAfterFailure = Duration.FromMinutes(1);

    /// <summary>Done tasks older than this are never in an update, whatever the last update was.</summary>
    private static readonly Duration DoneLookBack = Duration.FromDays(31);

    public async Task<DeliveryReport> DeliverDueAsync(Instant now, CancellationToken cancellationToken)
    {
        var clock = new DeliveryClock(now, time);
        var reminders = await SendRemindersAsync(now, cancellationToken);
        int posted = 0, late = 0, missed = 0, cancelled = 0;
        var failures = new List<DeliveryFailure>();
        // The cycle's first claim starts from the earliest (no cursor); the next from the earliest again once a lease later.
        ClaimCursor? after = null;
        var fromTheEarliest = clock.Now() + options.Lease;
        while (true)
        {
            // The lease runs from this claim, not from the round's start: a later batch gets a lease as long as the first.
            // Each claim of the cycle starts after the last one it claimed, not again past the occurrences it leased and
            // is still posting. Once a lease, as at the start of each cycle, a claim starts from the earliest instead:
            // that is where a dead node's expired leases are, and a long cycle must not leave them for its end.
            var at = clock.Now();
            if (at >= fromTheEarliest)
            {
                (after, fromTheEarliest) = (null, at + options.Lease);
            }

            var batch = await ledger.ClaimDueAsync(at, options.WorkerId, at + options.Lease, options.BatchSize, after, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            after = ClaimCursor.Last(batch);

            var round = await DeliverBatchAsync(batch, at + options.Lease, clock, cancellationToken);
            posted += round.Posted;
            late += round.Late;
            missed += round.Missed;
            cancelled += round.Cancelled;
            failures.AddRange(round.Failures);
            if (batch.Count < options.BatchSize)
            {
                break;
            }
        }

        return new DeliveryReport(posted, late, missed, cancelled, reminders, failures);
    }

    private async Task<DeliveryReport> DeliverBatchAsync(IReadOnlyList<Occurrence> batch, Instant leaseUntil, DeliveryClock clock, CancellationToken cancellationToken)
    {
        var world = await LoadAsync(batch, clock.Now(), cancellationToken);
        var outcomes = new ConcurrentBag<PostOutcome>();
        var draftsUsed = new ConcurrentBag<Guid>();
        var failures = new ConcurrentBag<DeliveryFailure>();
        var byConversation = batch.GroupBy(o => o.CollaborationId).ToList();
        var lookups = new RecoveryLookups(
            batch.Where(o => o.SendingSince is not null).Select(o => (Occurrence: o, Conversation: world.ConversationOf(o))).Where(h => h.Conversation is not null).Select(h => (h.Occurrence, h.Conversation!)),
            gateways, options, clock, cancellationToken);

        // From here until the recorder completes, it alone uses the ledger (the stores share one unit of work).
        await using (var recorder = new OutcomeRecorder(ledger, batch.Select(o => o.Id), leaseUntil, options, clock))
        {
            await Parallel.ForEachAsync(byConversation,
                new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
                async (group, ct) =>
                {
                    // Marked as handed to the platform only as its conversation's turn comes (the marks of the conversations
                    // starting meanwhile go in the same write): after a crash, only the conversations that were being posted
                    // to, at most Parallelism, were marked without a recorded answer, and only those are looked up.
                    if (!recorder.StillHeld || !await recorder.MarkSendingAsync(group.Select(o => o.Id).ToList()))
                    {
                        // The lease could not be renewed, or the mark not stored: what is left goes to whoever claims it next.
                        return;
                    }

                    // Within one conversation, in due order: updates must not overtake each other.
                    foreach (var occurrence in group.OrderBy(o => o.Due))
                    {
                        if (!recorder.StillHeld)
                        {
                            // The lease could not be renewed: what is left goes to whoever claims it once the lease ran out.
                            return;
                        }

                        try
                        {
                            using var post = DeliveryTelemetry.StartPost(occurrence);
                            var (outcome, usedDraft) = await DeliverOneAsync(occurrence, world, lookups, clock, ct);
                            DeliveryTelemetry.Record(post, occurrence, outcome);
                            recorder.Record(outcome);
                            outcomes.Add(outcome);
                            if (usedDraft)
                            {
                                draftsUsed.Add(occurrence.CollaborationId);
                            }
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            failures.Add(new DeliveryFailure(occurrence.Id, ex.GetType().Name));
                            recorder.Release(occurrence.Id, clock.Now() + RetryAfterFailure);
                        }
                    }
                });
        }

        foreach (var collaborationId in draftsUsed.Distinct())
        {
            await drafts.ClearAsync(collaborationId, clock.Now(), cancellationToken);
        }

        var recorded = outcomes.ToList();
        return new DeliveryReport(
            recorded.Count(o => o.Status == OccurrenceStatus.Posted),
            recorded.Count(o => o.Late),
            recorded.Count(o => o.Status == OccurrenceStatus.Missed),
            recorded.Count(o => o.Status == OccurrenceStatus.Cancelled),
            0,
            failures.ToList());
    }

    /// <summary>
    /// Posts one pending occurrence at once, ahead of its due time (the reminder's Post now), claimed by the same rules
    /// as the delivery rounds; false when it is no longer pending or another worker holds it.
    /// </summary>
    public async Task<bool> PostNowAsync(Guid occurrenceId, Instant now, CancellationToken cancellationToken)
    {
        var clock = new DeliveryClock(now, time);
        var claimed = await ledger.ClaimOneAsync(occurrenceId, now, options.WorkerId, now + options.Lease, cancellationToken);
        if (claimed is null)
        {
            return false;
        }

        var report = await DeliverBatchAsync([claimed], now + options.Lease, clock, cancellationToken);
        return report.Posted > 0;
    }

    private async Task<(PostOutcome Outcome, bool UsedDraft)> DeliverOneAsync(Occurrence occurrence, World world, RecoveryLookups lookups, DeliveryClock clock,
        CancellationToken cancellationToken)
    {
        var now = clock.Now();
        if (!world.Rhythms.TryGetValue(occurrence.RhythmId, out var rhythm) ||
            !world.Collaborations.TryGetValue(occurrence.CollaborationId, out var collaboration) ||
            !rhythm.RunsOn(occurrence.Due.InZone(DateTimeZoneProviders.Tzdb[rhythm.TimeZone]).Date))
        {
            // Paused, retired or gone since it was planned.
            return (new PostOutcome(occurrence.Id, OccurrenceStatus.Cancelled, null, null, false), false);
        }

        var channel = World.ConversationOf(collaboration);
        var va = world.Va(collaboration);
        var vaName = string.IsNullOrEmpty(va.DisplayName) ? va.Id : va.DisplayName;
        var lateness = now - occurrence.Due;
        var gateway = gateways.For(collaboration.Platform);

        if (occurrence.Attempts > options.MaxAttempts)
        {
            // Tried often enough (the platform kept failing, or the lookup after a crash did): given up, and the VA told.
            return await MissAsync(occurrence, world, collaboration, rhythm, va, now, cancellationToken);
        }

        if (occurrence.SendingSince is not null && await lookups.FindAsync(occurrence, channel, cancellationToken) is { } earlier)
        {
            // A worker posted it before it could record that; record that post, with the platform's time, instead of doubling it.
            var at = earlier.PostedAt is { } platformTime ? Instant.FromDateTimeOffset(platformTime) : now;
            return (new PostOutcome(occurrence.Id, OccurrenceStatus.Posted, at, earlier.MessageId, at - occurrence.Due > options.LateAfter), false);
        }

        if (lateness > options.GracePeriod)
        {
            return await MissAsync(occurrence, world, collaboration, rhythm, va, now, cancellationToken);
        }

        var isLate = lateness > options.LateAfter;
        world.Drafts.TryGetValue(collaboration.Id, out var draft);
        var log = world.Log(collaboration.Id);
        var message = UpdateComposer.Compose(collaboration, rhythm, vaName, draft, log, world.Frame(collaboration, rhythm, occurrence.Due, isLate));
        var usedDraft = !string.IsNullOrWhiteSpace(draft) && (rhythm.Kind != RhythmKind.Plan || !log.PlanItems.Any());

        // Posted early (Post now) or late, the post stands for the moment it went out.
        var stamp = isLate || now < occurrence.Due ? now : occurrence.Due;
        var receipt = await gateway.PostAsync(new OutboundMessage(channel, message, occurrence.Key, stamp.ToDateTimeOffset()), cancellationToken);
        var summary = message.Lines.Count > 0 ? message.Lines[0] : null;
        return (new PostOutcome(occurrence.Id, OccurrenceStatus.Posted, clock.Now(), receipt.MessageId, isLate, summary), usedDraft);
    }

    private async Task<(PostOutcome Outcome, bool UsedDraft)> MissAsync(Occurrence occurrence, World world, Collaboration collaboration, Rhythm rhythm, Person va,
        Instant now, CancellationToken cancellationToken)
    {
        var notice = UpdateComposer.Missed(va, collaboration, rhythm, world.ClientNames(collaboration), occurrence.Due, now, options.GracePeriod);
        try
        {
            await gateways.For(collaboration.Platform).PostAsync(new OutboundMessage(ChatAddress.Direct(collaboration.Platform, collaboration.WorkspaceId, va.Id), notice, null, now.ToDateTimeOffset()), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The occurrence is missed whether or not the VA can be told; it must not be retried for ever.
        }

        return (new PostOutcome(occurrence.Id, OccurrenceStatus.Missed, null, null, false), false);
    }

    private async Task<int> SendRemindersAsync(Instant now, CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            var due = await ledger.TakeDueRemindersAsync(now, options.BatchSize, cancellationToken);
            if (due.Count == 0)
            {
                return sent;
            }

            sent += await SendReminderBatchAsync(due, now, cancellationToken);
            if (due.Count < options.BatchSize)
            {
                return sent;
            }
        }
    }

    private async Task<int> SendReminderBatchAsync(IReadOnlyList<Occurrence> due, Instant now, CancellationToken cancellationToken)
    {
        var world = await LoadAsync(due, now, cancellationToken);
        var sent = 0;
        var postponed = new ConcurrentBag<(Guid OccurrenceId, Instant At)>();
        await Parallel.ForEachAsync(due,
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (occurrence, ct) =>
            {
                if (occurrence.Due <= now ||
                    !world.Rhythms.TryGetValue(occurrence.RhythmId, out var rhythm) ||
                    !world.Collaborations.TryGetValue(occurrence.CollaborationId, out var collaboration) ||
                    !rhythm.RunsOn(occurrence.Due.InZone(DateTimeZoneProviders.Tzdb[rhythm.TimeZone]).Date))
                {
                    return;
                }

                if (collaboration.FocusUntil is { } focusUntil && focusUntil > now)
                {
                    // The VA is in a focus block: the reminder waits until it ends, if that is still before the update.
                    if (focusUntil < occurrence.Due)
                    {
                        postponed.Add((occurrence.Id, focusUntil));
                    }

                    return;
                }

                var va = world.Va(collaboration);
                world.Drafts.TryGetValue(collaboration.Id, out var draft);
                var message = UpdateComposer.Reminder(va, collaboration, rhythm, world.ClientNames(collaboration), draft, world.Log(collaboration.Id),
                    occurrence.Id, occurrence.Due, now);
                var to = ChatAddress.Direct(collaboration.Platform, collaboration.WorkspaceId, va.Id);
                try
                {
                    await gateways.For(collaboration.Platform).PostAsync(new OutboundMessage(to, message, null, now.ToDateTimeOffset()), ct);
                    Interlocked.Increment(ref sent);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A reminder is a courtesy: a failed one is not retried; the update itself still goes out.
                }
            });

        // The ledger is one unit of work: written to after the parallel posts, one at a time.
        foreach (var (occurrenceId, at) in postponed)
        {
            await ledger.RemindAgainAsync(occurrenceId, at, cancellationToken);
        }

        return sent;
    }

    private Task<World> LoadAsync(IReadOnlyList<Occurrence> batch, Instant now, CancellationToken cancellationToken) =>
        World.LoadAsync(batch, rhythms, collaborations, drafts, tasks, ledger, now - DoneLookBack, cancellationToken);

    /// <summary>The rhythms, collaborations, people, drafts and task logs one batch of occurrences needs, loaded once.</summary>
    private sealed class World
    {
        private readonly Dictionary<(string, string, string), Person> people;
        private readonly IReadOnlyDictionary<Guid, IReadOnlyList<WorkTask>> tasks;
        private readonly IReadOnlyDictionary<Guid, Instant> lastPosted;
        private readonly ConcurrentDictionary<(string, string, Days, LocalTime, RhythmState, LocalDate?, Instant, bool), UpdateFrame> frames = new();

        private World(Dictionary<Guid, Rhythm> rhythms, Dictionary<Guid, Collaboration> collaborations,
            Dictionary<(string, string, string), Person> people, IReadOnlyDictionary<Guid, string> drafts,
            IReadOnlyDictionary<Guid, IReadOnlyList<WorkTask>> tasks, IReadOnlyDictionary<Guid, Instant> lastPosted)
        {
            Rhythms = rhythms;
            Collaborations = collaborations;
            this.people = people;
            Drafts = drafts;
            this.tasks = tasks;
            this.lastPosted = lastPosted;
        }

        public Dictionary<Guid, Rhythm> Rhythms { get; }
        public Dictionary<Guid, Collaboration> Collaborations { get; }
        public IReadOnlyDictionary<Guid, string> Drafts { get; }

        public WorkLog Log(Guid collaborationId) => new(
            tasks.TryGetValue(collaborationId, out var list) ? list : [],
            lastPosted.TryGetValue(collaborationId, out var at) ? at : null);

        public Person Va(Collaboration collaboration) => PersonOf(collaboration, collaboration.VaId);

        /// <summary>The conversation an occurrence's update goes to; null when its collaboration is gone.</summary>
        public ChatAddress? ConversationOf(Occurrence occurrence) =>
            Collaborations.TryGetValue(occurrence.CollaborationId, out var collaboration) ? ConversationOf(collaboration) : null;

        public static ChatAddress ConversationOf(Collaboration collaboration) =>
            ChatAddress.Conversation(collaboration.Platform, collaboration.WorkspaceId, collaboration.ConversationId);

        /// <summary>The frame of an update, composed once for each language, zone and schedule in the batch.</summary>
        public UpdateFrame Frame(Collaboration collaboration, Rhythm rhythm, Instant due, bool late) =>
            frames.GetOrAdd(UpdateFrame.KeyOf(collaboration, rhythm, due, late), static (_, a) => UpdateFrame.Of(a.collaboration, a.rhythm, a.due, a.late),
                (collaboration, rhythm, due, late));

        public string ClientNames(Collaboration collaboration) =>
            string.Join(", ", collaboration.ClientIds.Select(id => PersonOf(collaboration, id)).Select(p => string.IsNullOrEmpty(p.DisplayName) ? p.Id : p.DisplayName));

        private Person PersonOf(Collaboration collaboration, string id) =>
            people.TryGetValue((collaboration.Platform, collaboration.WorkspaceId, id), out var person)
                ? person
                : new Person { Platform = collaboration.Platform, WorkspaceId = collaboration.WorkspaceId, Id = id };

        public static async Task<World> LoadAsync(IReadOnlyList<Occurrence> batch, IRhythmStore rhythmStore, ICollaborationStore collaborationStore,
            IDraftStore draftStore, ITaskStore taskStore, IOccurrenceLedger ledger, Instant doneSince, CancellationToken cancellationToken)
        {
            var rhythmIds = batch.Select(o => o.RhythmId).Distinct().ToList();
            var collaborationIds = batch.Select(o => o.CollaborationId).Distinct().ToList();
            var rhythms = (await rhythmStore.GetManyAsync(rhythmIds, cancellationToken)).ToDictionary(r => r.Id);
            var collaborations = (await collaborationStore.GetManyAsync(collaborationIds, cancellationToken)).ToDictionary(c => c.Id);
            var people = new Dictionary<(string, string, string), Person>();
            foreach (var workspace in collaborations.Values.GroupBy(c => (c.Platform, c.WorkspaceId)))
            {
                var ids = workspace.SelectMany(c => c.ClientIds.Append(c.VaId)).Distinct().ToList();
                foreach (var person in await collaborationStore.GetPeopleAsync(workspace.Key.Platform, workspace.Key.WorkspaceId, ids, cancellationToken))
                {
                    people[(person.Platform, person.WorkspaceId, person.Id)] = person;
                }
            }

            var drafts = await draftStore.GetManyAsync(collaborationIds, cancellationToken);
            var tasks = await taskStore.ListOpenManyAsync(collaborationIds, doneSince, cancellationToken);

            // The last update only bounds which done tasks a log reports: a collaboration without tasks needs no lookup.
            var lastPosted = tasks.Count == 0
                ? new Dictionary<Guid, Instant>()
                : await ledger.LastPostedManyAsync(tasks.Keys.ToList(), cancellationToken);
            return new World(rhythms, collaborations, people, drafts, tasks, lastPosted);
        }
    }
}
