using System.Threading.Channels;
using NodaTime;

namespace CheckinBot.Core.Occurrences;

/// <summary>
/// The ledger's only writer while one claim is being posted. Each outcome is written as soon as the write before it is
/// done, together with whatever else arrived meanwhile (at most <see cref="DeliveryOptions.RecordBatch"/>): a crash loses
/// only the confirmations of the write in flight, and the posts never wait for the database. It also stores, ahead of
/// the posts, which occurrences are about to be handed to the platform, so that a takeover asks the platform only about those. Every third of a lease it
/// renews the lease of the occurrences not recorded yet; when that fails for long enough, <see cref="StillHeld"/> turns
/// false and the posting stops before another worker may take the rest over.
/// </summary>
internal sealed class OutcomeRecorder : IAsyncDisposable
{
    /// <summary>A write that failed (the database away) is tried again after this pause, as long as the lease holds.</summary>
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    private readonly Channel<Entry> entries = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource stop = new();
    private readonly IOccurrenceLedger ledger;
    private readonly DeliveryOptions options;
    private readonly DeliveryClock clock;
    private readonly HashSet<Guid> held;
    private readonly Task loop;
    private long heldUntil;
    private volatile bool takenOver;

    public OutcomeRecorder(IOccurrenceLedger ledger, IEnumerable<Guid> claimed, Instant leaseUntil, DeliveryOptions options, DeliveryClock clock)
    {
        this.ledger = ledger;
        this.options = options;
        this.clock = clock;
        held = [.. claimed];
        heldUntil = leaseUntil.ToUnixTimeTicks();
        loop = RunAsync();
    }

    /// <summary>
    /// Whether the claim surely still holds: no renewal found any of it taken over, and its lease, as last written, has at
    /// least a third left. A worker posts only while it does, so no takeover can meet a post still on its way.
    /// </summary>
    public bool StillHeld => !takenOver && clock.Now() < Instant.FromUnixTimeTicks(Interlocked.Read(ref heldUntil)) - options.Lease / 3;

    /// <summary>Queues what became of an occurrence for the next write.</summary>
    public void Record(PostOutcome outcome) => entries.Writer.TryWrite(new Entry(outcome, outcome.OccurrenceId, default, null, null));

    /// <summary>Queues giving an occurrence back after a failed post, to be claimed again from <paramref name="retryAt"/>.</summary>
    public void Release(Guid occurrenceId, Instant retryAt) => entries.Writer.TryWrite(new Entry(null, occurrenceId, retryAt, null, null));

    /// <summary>
    /// Writes, with the next group, that these occurrences are about to be handed to the platform; true once that is
    /// stored, false when it could not be (they must then not be posted).
    /// </summary>
    public Task<bool> MarkSendingAsync(IReadOnlyCollection<Guid> occurrenceIds)
    {
        var stored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!entries.Writer.TryWrite(new Entry(null, Guid.Empty, default, occurrenceIds, stored)))
        {
            stored.SetResult(false);
        }

        return stored.Task;
    }

    /// <summary>Writes what is still queued and stops renewing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!entries.Writer.TryComplete())
        {
            return;
        }

        try
        {
            await loop;
        }
        finally
        {
            await stop.CancelAsync();
            stop.Dispose();
        }
    }

    private async Task RunAsync()
    {
        // Runs in the constructor up to its first wait, so the first renewal is timed from the claim.
        var reader = entries.Reader;
        var group = new List<Entry>();
        var renewal = NextRenewal();
        Task<bool>? arrival = null;
        while (true)
        {
            if (renewal.IsCompleted)
            {
                await RenewAsync();
                renewal = NextRenewal();
            }

            while (group.Count < options.RecordBatch && reader.TryRead(out var entry))
            {
                group.Add(entry);
            }

            if (group.Count > 0)
            {
                await WriteAsync(group);
                group.Clear();
                continue;
            }

            arrival ??= reader.WaitToReadAsync().AsTask();
            if (await Task.WhenAny(arrival, renewal) == renewal)
            {
                continue;
            }

            if (!await arrival)
            {
                return;
            }

            arrival = null;
        }
    }

    private async Task WriteAsync(List<Entry> group)
    {
        var marks = group.Where(e => e.Marked is not null).ToList();
        var outcomes = group.Where(e => e.Outcome is not null).Select(e => e.Outcome!).ToList();
        var releases = group.Where(e => e.Marked is null && e.Outcome is null).ToList();
        var stored = false;
        while (true)
        {
            try
            {
                if (marks.Count > 0 || outcomes.Count > 0)
                {
                    await ledger.WriteAsync(options.WorkerId, marks.SelectMany(m => m.Marked!).ToList(), clock.Now(), outcomes, CancellationToken.None);
                }

                foreach (var release in releases)
                {
                    await ledger.ReleaseAsync(release.OccurrenceId, options.WorkerId, release.RetryAt, CancellationToken.None);
                }

                stored = true;
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && StillHeld)
            {
                // The database is away for a moment: keep the outcomes and try again while the claim holds. Once it may
                // have run out, they are dropped: whoever claims the occurrences next asks the platform before posting.
                await Task.Delay(RetryPause, clock.Time);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                break;
            }
        }

        foreach (var mark in marks)
        {
            mark.Stored!.SetResult(stored);
        }

        foreach (var entry in group.Where(e => e.Marked is null))
        {
            held.Remove(entry.OccurrenceId);
        }
    }

    private async Task RenewAsync()
    {
        if (held.Count == 0)
        {
            return;
        }

        var until = clock.Now() + options.Lease;
        try
        {
            if (await ledger.RenewAsync(options.WorkerId, held, until, CancellationToken.None) < held.Count)
            {
                // The renewal came after the lease ran out (this worker was starved) and another worker has claimed some
                // of it since (or a rhythm's end cancelled some): which of the rest are still ours cannot be told, so
                // nothing more is posted from this claim; what is left goes out once its lease has run out.
                takenOver = true;
                return;
            }

            Interlocked.Exchange(ref heldUntil, until.ToUnixTimeTicks());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not renewed: StillHeld runs out on its own and the posting stops in time.
        }
    }

    private Task NextRenewal() => Task.Delay((options.Lease / 3).ToTimeSpan(), clock.Time, stop.Token);

    /// <summary>An outcome, a release (neither outcome nor marks), or marks to store before posting.</summary>
    private readonly record struct Entry(PostOutcome? Outcome, Guid OccurrenceId, Instant RetryAt, IReadOnlyCollection<Guid>? Marked, TaskCompletionSource<bool>? Stored);
}
