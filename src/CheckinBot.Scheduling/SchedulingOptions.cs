namespace CheckinBot.Scheduling;

/// <summary>How the clock runs.</summary>
public sealed class SchedulingOptions
{
    /// <summary><c>Clock:TimeTravel</c>: lets the playground API move the bot's clock. On only in Development by default.</summary>
    public bool TimeTravel { get; set; }

    /// <summary>
    /// <c>Scheduling:Enabled</c>: the planning job (Quartz) and the delivery loop run. False in tests and benchmarks that
    /// drive the cycle themselves.
    /// </summary>
    public bool RunScheduler { get; set; } = true;

    /// <summary>
    /// <c>Delivery:Poll</c>: the longest the delivery loop sleeps before it looks at the ledger again, for work that another
    /// node planned, postponed or gave back while this one slept.
    /// </summary>
    public TimeSpan DeliveryPoll { get; set; } = TimeSpan.FromSeconds(5);
}
