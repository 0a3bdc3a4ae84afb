using NodaTime;

namespace CheckinBot.Core.Clock;

/// <summary>Port: moves the bot's clock forward (time travel, for the playground and tests).</summary>
public interface IClockControl
{
    /// <summary>False unless time travel is switched on.</summary>
    bool Enabled { get; }

    /// <summary>
    /// Moves the clock forward by <paramref name="by"/>, running planning and delivery at every moment something falls due
    /// on the way, and returns the new now.
    /// </summary>
    Task<Instant> AdvanceAsync(Duration by, CancellationToken cancellationToken);
}
