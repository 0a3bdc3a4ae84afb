using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;
using CheckinBot.Testing;

namespace CheckinBot.Scheduling.Tests;

/// <summary>
/// One node's way to a shared <see cref="RecordingGateway"/> that holds every update (a post with an occurrence key) until
/// the test opens it, or the post is cancelled: to make two nodes post at the same time, or to stop a node mid-post.
/// Reminders and other direct messages pass at once.
/// </summary>
public sealed class HeldGateway(RecordingGateway platform) : IChatGateway
{
    private readonly TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> watchers = [];
    private int holding;
    private int passed;

    public string Platform => RecordingGateway.DefaultPlatform;

    /// <summary>How many updates went through to the platform.</summary>
    public int Passed => Volatile.Read(ref passed);

    /// <summary>Lets every held update, and every later one, through.</summary>
    public void Open() => open.TrySetResult();

    /// <summary>Completes once at least <paramref name="count"/> updates have arrived here and been held.</summary>
    public Task Holding(int count)
    {
        lock (gate)
        {
            if (holding >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            watchers.Add((count, reached));
            return reached.Task;
        }
    }

    public async Task<PostReceipt> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.OccurrenceKey is not null && !open.Task.IsCompleted)
        {
            Arrived();
            await open.Task.WaitAsync(cancellationToken);
        }

        var receipt = await platform.PostAsync(message, cancellationToken);
        if (message.OccurrenceKey is not null)
        {
            Interlocked.Increment(ref passed);
        }

        return receipt;
    }

    public Task<PostReceipt?> FindPostedAsync(ChatAddress where, string occurrenceKey, PostWindow window, CancellationToken cancellationToken) =>
        platform.FindPostedAsync(where, occurrenceKey, window, cancellationToken);

    private void Arrived()
    {
        lock (gate)
        {
            holding++;
            foreach (var watcher in watchers.Where(w => w.Count <= holding).ToList())
            {
                watcher.Reached.TrySetResult();
                watchers.Remove(watcher);
            }
        }
    }
}
