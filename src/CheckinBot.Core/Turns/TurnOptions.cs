namespace CheckinBot.Core.Turns;

/// <summary>The <c>Turns</c> configuration section: how many turns wait, and how many run at once.</summary>
public sealed class TurnOptions
{
    public const string Section = "Turns";
    public const int DefaultQueueCapacity = 10_000;

    /// <summary>Turns that may wait for a worker before adapters have to wait for room.</summary>
    public int QueueCapacity { get; set; } = DefaultQueueCapacity;

    /// <summary>
    /// Turns run at once. Most of a turn's time is waiting (the database, a platform's rate limit), not CPU, so by
    /// default many per processor.
    /// </summary>
    public int Workers { get; set; } = Math.Max(32, 16 * Environment.ProcessorCount);
}
