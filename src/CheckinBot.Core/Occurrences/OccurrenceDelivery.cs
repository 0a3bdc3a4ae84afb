using System.Collections.Concurrent;
using CheckinBot.Core.Collaborations;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Drafts;
using CheckinBot.Core.Messages;
using CheckinBot.Core.Rhythms;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>
/// Delivers what is due: claims occurrences with a lease, posts each through the chat gateway, records the platform's
/// message id; sends the VA her reminders; posts late within the grace period and records the rest as missed.
/// </summary>
public sealed class OccurrenceDelivery(
    IOccurrenceLedger ledger,
    IRhythmStore rhythms,
    ICollaborationStore collaborations,
    IDraftStore drafts,
    ChatGateways gateways,
    DeliveryOptions options)
{
    private static readonly Duration RetryAfterFailure = Duration.FromMinutes(1);

    public async Task<DeliveryReport> DeliverDueAsync(Instant now, CancellationToken cancellationToken)
    {
        var reminders = await SendRemindersAsync(now, cancellationToken);
        int posted = 0, late = 0, missed = 0, cancelled = 0;
        var failures = new List<DeliveryFailure>();
        while (true)
        {
            var batch = await ledger.ClaimDueAsync(now, options.WorkerId, now + options.Lease, options.BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var round = await DeliverBatchAsync(batch, now, cancellationToken);
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

    private async Task<DeliveryReport> DeliverBatchAsync(IReadOnlyList<Occurrence> batch, Instant now, CancellationToken cancellationToken)
    {
        var world = await World.LoadAsync(batch, rhythms, collaborations, drafts, cancellationToken);
        var outcomes = new ConcurrentBag<PostOutcome>();
        var failures = new ConcurrentBag<DeliveryFailure>();
        var byConversation = batch.GroupBy(o => o.CollaborationId);
        await Parallel.ForEachAsync(byConversation,
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (group, ct) =>
            {
                // Within one conversation, in due order: updates must not overtake each other.
                foreach (var occurrence in group.OrderBy(o => o.Due))
                {
                    try
                    {
                        outcomes.Add(await DeliverOneAsync(occurrence, world, now, ct));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        failures.Add(new DeliveryFailure(occurrence.Id, ex.GetType().Name));
                        await ledger.ReleaseAsync(occurrence.Id, options.WorkerId, now + RetryAfterFailure, ct);
                    }
                }
            });

        var recorded = outcomes.ToList();
        await ledger.RecordAsync(options.WorkerId, recorded, cancellationToken);
        foreach (var collaborationId in recorded.Where(o => o.Status == OccurrenceStatus.Posted).Select(o => world.Occurrence(o.OccurrenceId).CollaborationId).Distinct())
        {
            await drafts.ClearAsync(collaborationId, now, cancellationToken);
        }

        return new DeliveryReport(
            recorded.Count(o => o.Status == OccurrenceStatus.Posted),
            recorded.Count(o => o.Late),
            recorded.Count(o => o.Status == OccurrenceStatus.Missed),
            recorded.Count(o => o.Status == OccurrenceStatus.Cancelled),
            0,
            failures.ToList());
    }

    private async Task<PostOutcome> DeliverOneAsync(Occurrence occurrence, World world, Instant now, CancellationToken cancellationToken)
    {
        if (!world.Rhythms.TryGetValue(occurrence.RhythmId, out var rhythm) ||
            !world.Collaborations.TryGetValue(occurrence.CollaborationId, out var collaboration) ||
            !rhythm.RunsOn(occurrence.Due.InZone(DateTimeZoneProviders.Tzdb[rhythm.TimeZone]).Date))
        {
            // Paused, retired or gone since it was planned.
            return new PostOutcome(occurrence.Id, OccurrenceStatus.Cancelled, null, null, false);
        }

        var gateway = gateways.For(collaboration.Platform);
        var channel = ChatAddress.Conversation(collaboration.Platform, collaboration.WorkspaceId, collaboration.ConversationId);
        var va = world.Va(collaboration);
        var vaName = string.IsNullOrEmpty(va.DisplayName) ? va.Id : va.DisplayName;
        var lateness = now - occurrence.Due;

        if (lateness > options.GracePeriod)
        {
            var notice = UpdateComposer.Missed(va, collaboration, rhythm, world.ClientNames(collaboration), occurrence.Due, now, options.GracePeriod);
            await gateway.PostAsync(new OutboundMessage(ChatAddress.Direct(collaboration.Platform, collaboration.WorkspaceId, va.Id), notice, null, now.ToDateTimeOffset()), cancellationToken);
            return new PostOutcome(occurrence.Id, OccurrenceStatus.Missed, null, null, false);
        }

        var isLate = lateness > options.LateAfter;
        if (occurrence.Attempts > 1 && await gateway.FindPostedAsync(channel, occurrence.Key, cancellationToken) is { } earlier)
        {
            // A worker posted it before its lease ran out; record that post instead of doubling it.
            return new PostOutcome(occurrence.Id, OccurrenceStatus.Posted, now, earlier.MessageId, isLate);
        }

        world.Drafts.TryGetValue(collaboration.Id, out var draft);
        var message = UpdateComposer.Compose(collaboration, rhythm, vaName, draft, occurrence.Due, isLate);
        var stamp = isLate ? now : occurrence.Due;
        var receipt = await gateway.PostAsync(new OutboundMessage(channel, message, occurrence.Key, stamp.ToDateTimeOffset()), cancellationToken);
        var summary = message.Lines.Count > 0 ? message.Lines[0] : null;
        return new PostOutcome(occurrence.Id, OccurrenceStatus.Posted, now, receipt.MessageId, isLate, summary);
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
        var world = await World.LoadAsync(due, rhythms, collaborations, drafts, cancellationToken);
        var sent = 0;
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

                var va = world.Va(collaboration);
                world.Drafts.TryGetValue(collaboration.Id, out var draft);
                var message = UpdateComposer.Reminder(va, collaboration, rhythm, world.ClientNames(collaboration), draft, occurrence.Due, now);
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
        return sent;
    }

    /// <summary>The rhythms, collaborations, people and drafts one batch of occurrences needs, loaded once.</summary>
    private sealed class World
    {
        private readonly Dictionary<Guid, Occurrence> occurrences;
        private readonly Dictionary<(string, string, string), Person> people;

        private World(Dictionary<Guid, Occurrence> occurrences, Dictionary<Guid, Rhythm> rhythms, Dictionary<Guid, Collaboration> collaborations,
            Dictionary<(string, string, string), Person> people, IReadOnlyDictionary<Guid, string> drafts)
        {
            this.occurrences = occurrences;
            Rhythms = rhythms;
            Collaborations = collaborations;
            this.people = people;
            Drafts = drafts;
        }

        public Dictionary<Guid, Rhythm> Rhythms { get; }
        public Dictionary<Guid, Collaboration> Collaborations { get; }
        public IReadOnlyDictionary<Guid, string> Drafts { get; }

        public Occurrence Occurrence(Guid id) => occurrences[id];

        public Person Va(Collaboration collaboration) => PersonOf(collaboration, collaboration.VaId);

        public string ClientNames(Collaboration collaboration) =>
            string.Join(", ", collaboration.ClientIds.Select(id => PersonOf(collaboration, id)).Select(p => string.IsNullOrEmpty(p.DisplayName) ? p.Id : p.DisplayName));

        private Person PersonOf(Collaboration collaboration, string id) =>
            people.TryGetValue((collaboration.Platform, collaboration.WorkspaceId, id), out var person)
                ? person
                : new Person { Platform = collaboration.Platform, WorkspaceId = collaboration.WorkspaceId, Id = id };

        public static async Task<World> LoadAsync(IReadOnlyList<Occurrence> batch, IRhythmStore rhythmStore, ICollaborationStore collaborationStore,
            IDraftStore draftStore, CancellationToken cancellationToken)
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
            return new World(batch.ToDictionary(o => o.Id), rhythms, collaborations, people, drafts);
        }
    }
}
