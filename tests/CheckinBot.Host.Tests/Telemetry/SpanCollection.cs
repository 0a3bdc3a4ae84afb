using System.Collections.ObjectModel;
using System.Diagnostics;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>The in-memory exporter's collection, safe to read while spans are still being added.</summary>
public sealed class SpanCollection : Collection<Activity>
{
    private readonly Lock gate = new();

    /// <summary>The spans of one trace, as far as they have ended.</summary>
    public IReadOnlyList<Activity> Of(ActivityTraceId trace)
    {
        lock (gate)
        {
            return this.Where(s => s.TraceId == trace).ToList();
        }
    }

    protected override void InsertItem(int index, Activity item)
    {
        lock (gate)
        {
            base.InsertItem(index, item);
        }
    }
}
