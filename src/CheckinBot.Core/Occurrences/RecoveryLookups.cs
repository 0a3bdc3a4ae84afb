using System.Collections.Concurrent;
using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>
/// The platform lookups of one claimed batch: the occurrences an earlier claim had handed to the platform without a
/// recorded post, grouped by the conversation they go to. A conversation's history is read once, when the first of its
/// occurrences is about to be posted, over the window that spans them all (from the earliest reminder to now), and that
/// one read answers for every one of them; a post found counts only within its own occurrence's window. A read the
/// platform refuses fails every occurrence of that conversation, and each then waits for a later try.
/// </summary>
internal sealed class RecoveryLookups
{
    /// <summary>The platform's clock and ours may differ a little; a lookup searches this much wider on each side.</summary>
    private static readonly Duration ClockSkew = Duration.FromMinutes(1);

    private readonly Dictionary<ChatAddress, List<Occurrence>> byConversation;
    private readonly ConcurrentDictionary<ChatAddress, Lazy<Task<IReadOnlyDictionary<string, PostReceipt>>>> reads = new();
    private readonly ChatGateways gateways;
    private readonly DeliveryOptions options;
    private readonly DeliveryClock clock;
    private readonly CancellationToken stopping;

    /// <param name="handedOver">The batch's occurrences marked as handed to the platform (<see cref="Occurrence.SendingSince"/>), each with its conversation.</param>
    /// <param name="stopping">Cancels the shared reads: the batch's own token, never one caller's.</param>
    public RecoveryLookups(IEnumerable<(Occurrence Occurrence, ChatAddress Conversation)> handedOver, ChatGateways gateways, DeliveryOptions options, DeliveryClock clock,
        CancellationToken stopping)
    {
        this.stopping = stopping;
        byConversation = handedOver.GroupBy(h => h.Conversation, h => h.Occurrence).ToDictionary(g => g.Key, g => g.ToList());
        this.gateways = gateways;
        this.options = options;
        this.clock = clock;
    }

    /// <summary>
    /// The post made for <paramref name="occurrence"/> under an earlier claim, from its conversation's one history read;
    /// null when there is none. Throws when the platform cannot tell, or when this caller's <paramref name="cancellationToken"/>
    /// is cancelled (which leaves the read to the others waiting on it).
    /// </summary>
    public async Task<PostReceipt?> FindAsync(Occurrence occurrence, ChatAddress conversation, CancellationToken cancellationToken)
    {
        // The read is shared: it runs under the batch's token, and each caller waits for it under its own.
        var read = reads.GetOrAdd(conversation, c => new Lazy<Task<IReadOnlyDictionary<string, PostReceipt>>>(() => ReadAsync(c, occurrence, stopping)));
        var found = await read.Value.WaitAsync(cancellationToken);
        return found.TryGetValue(occurrence.Key, out var receipt) && (receipt.PostedAt is not { } at || Instant.FromDateTimeOffset(at) >= From(occurrence))
            ? receipt
            : null;
    }

    private Task<IReadOnlyDictionary<string, PostReceipt>> ReadAsync(ChatAddress conversation, Occurrence asking, CancellationToken cancellationToken)
    {
        var occurrences = byConversation.TryGetValue(conversation, out var marked) ? marked.Append(asking).Distinct().ToList() : [asking];
        var window = new PostWindow(occurrences.Min(From).ToDateTimeOffset(), (clock.Now() + ClockSkew).ToDateTimeOffset());
        return gateways.For(conversation.Platform).FindPostedManyAsync(conversation, occurrences.Select(o => o.Key).ToList(), window, cancellationToken);
    }

    /// <summary>The earliest an earlier post for an occurrence can have been made: its reminder (Post now comes no earlier).</summary>
    private Instant From(Occurrence occurrence) => Instant.Min(occurrence.RemindAt, occurrence.Due - options.ReminderLead) - ClockSkew;
}
