namespace CheckinBot.Scheduling;

/// <summary>How the clock runs.</summary>
public sealed class SchedulingOptions
{
    /// <summary><c>Clock:TimeTravel</c>: lets the playground API move the bot's clock. On only in Development by default.</summary>
    public bool TimeTravel { get; set; }

    /// <summary>False in tests and benchmarks that drive the cycle themselves.</summary>
    public bool RunScheduler { get; set; } = true;
}
