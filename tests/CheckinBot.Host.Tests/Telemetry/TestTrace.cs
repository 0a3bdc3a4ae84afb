using System.Diagnostics;

namespace CheckinBot.Host.Tests.Telemetry;

/// <summary>
/// A trace of the test's own, current while it sends requests: the test's HTTP client carries it in <c>traceparent</c>,
/// so the host's spans of those requests can be told apart from other tests' in the same process.
/// </summary>
public sealed class TestTrace : IDisposable
{
    private readonly Activity activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start();

    public ActivityTraceId TraceId => activity.TraceId;

    public void Dispose() => activity.Dispose();
}
