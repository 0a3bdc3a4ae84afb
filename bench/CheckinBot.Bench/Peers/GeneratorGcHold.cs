using System.Runtime;

namespace CheckinBot.Bench.Peers;

/// <summary>
/// Holds the load generator's own garbage collector off for an open-loop phase: a no-GC region
/// (<see cref="GC.TryStartNoGCRegion(long)"/>) sized for the whole phase, entered before its first send.
/// </summary>
/// <remarks>
/// Until session 29 the generator's collections paused it 57–92 ms in every 15 s phase, about as long as CheckinBot's
/// own, and a pause holds both the sends due and the answers arriving: it lengthened the latencies measured of either
/// system alike, so the ratio measured the two processes' collections together. Entering the region costs one blocking
/// collection, before the phase's clock starts. Should the phase allocate more than the region holds, the runtime ends
/// it and collects as usual; <see cref="Outcome"/> says so, and the probe's line shows the collections.
/// </remarks>
internal sealed class GeneratorGcHold : IDisposable
{
    /// <summary>
    /// The bytes the region holds for each request of the phase: the generator allocated 9–12 KB a request in the open
    /// loop (sessions 27–28), so this leaves a margin of more than two.
    /// </summary>
    public const long BytesARequest = 32 * 1024;

    /// <summary>No region is asked for beyond this: the runtime commits the memory up front.</summary>
    private const long MostBytes = 2L * 1024 * 1024 * 1024;

    private readonly bool entered;
    private readonly long bytes;
    private readonly string entry;
    private bool disposed;

    private GeneratorGcHold(bool entered, long bytes, TimeSpan entryPause)
    {
        this.entered = entered;
        this.bytes = bytes;
        entry = $"entering it collected once before the first send, {entryPause.TotalMilliseconds:N0} ms";
        Outcome = entered ? "held" : "not held (the runtime refused the region)";
    }

    /// <summary>What became of the hold: held for the whole phase, run out, or never entered.</summary>
    public string Outcome { get; private set; }

    public static GeneratorGcHold Enter(long requests)
    {
        var bytes = Math.Min(MostBytes, Math.Max(1, requests) * BytesARequest);
        var paused = GC.GetTotalPauseDuration();
        try
        {
            var entered = GC.TryStartNoGCRegion(bytes);
            return new GeneratorGcHold(entered, bytes, GC.GetTotalPauseDuration() - paused);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            return new GeneratorGcHold(false, bytes, TimeSpan.Zero);
        }
    }

    public void Dispose()
    {
        if (!entered || disposed)
        {
            return;
        }

        disposed = true;
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
            Outcome = $"held for the phase ({bytes / (1024 * 1024):N0} MB region; {entry})";
        }
        else
        {
            Outcome = $"held until it ran out of its {bytes / (1024 * 1024):N0} MB region ({entry})";
        }
    }
}
