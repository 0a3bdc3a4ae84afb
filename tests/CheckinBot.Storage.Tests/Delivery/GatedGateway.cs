using CheckinBot.Core.Delivery;
using CheckinBot.Core.Messages;

namespace CheckinBot.Storage.Tests.Delivery;

/// <summary>
/// One node's way to the <see cref="FakePlatform"/>. When gated, each post waits for a permit the test gives, either
/// before it is made or after it was made (the platform has it, the node has not heard back: the window a crash falls in).
/// </summary>
public sealed class GatedGateway(FakePlatform platform) : IChatGateway, IDisposable
{
    private readonly SemaphoreSlim permits = new(0);
    private int waiting;

    public string Platform => FakePlatform.Name;

    /// <summary>Posts wait for <see cref="Release"/>; null lets them through.</summary>
    public GateMode? Gate { get; set; }

    /// <summary>How many posts wait at the gate now.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    public void Release(int count) => permits.Release(count);

    public void Dispose() => permits.Dispose();

    public async Task<PostReceipt> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (Gate == GateMode.BeforePosting)
        {
            await PassAsync(cancellationToken);
        }

        var receipt = platform.Post(message);
        if (Gate == GateMode.AfterPosting)
        {
            await PassAsync(cancellationToken);
        }

        return receipt;
    }

    public Task<PostReceipt?> FindPostedAsync(ChatAddress where, string occurrenceKey, PostWindow window, CancellationToken cancellationToken) =>
        Task.FromResult(platform.Find(occurrenceKey, window));

    public Task<IReadOnlyDictionary<string, PostReceipt>> FindPostedManyAsync(ChatAddress where, IReadOnlyCollection<string> occurrenceKeys, PostWindow window,
        CancellationToken cancellationToken) =>
        Task.FromResult(platform.FindMany(where, occurrenceKeys, window));

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref waiting);
        try
        {
            await permits.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }
}

/// <summary>Where a gated post waits.</summary>
public enum GateMode
{
    BeforePosting,
    AfterPosting,
}
