using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace CheckinBot.Bench.Burst;

/// <summary>
/// Where allocations go, by type: the runtime's allocation ticks (one about every 100 KB allocated) counted per type
/// while sampling is on. Used with <c>--allocations</c> to find what to cut first.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTick = 10;
    private readonly ConcurrentDictionary<string, long> bytesByType = new();
    private volatile bool sampling;

    public void Start() => sampling = true;

    public void Stop() => sampling = false;

    /// <summary>The types that took the most, with their share of the sampled bytes.</summary>
    public IEnumerable<string> Top(int count)
    {
        var total = Math.Max(1, bytesByType.Values.Sum());
        return bytesByType.OrderByDescending(t => t.Value).Take(count)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{100.0 * t.Value / total,5:F1} %  {t.Key}"));
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!sampling || eventData.EventId != AllocationTick || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var type = payload[names.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
        bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
