using NodaTime;

namespace CheckinBot.Core.Pings;

/// <summary>What the VA is doing right now, as far as the bot knows.</summary>
/// <param name="Task">The title of the task in progress, or null when none is logged.</param>
/// <param name="TaskSince">When she started it, when known.</param>
/// <param name="FocusUntil">The end of her focus block, when she is in one.</param>
public sealed record WorkStatus(string? Task = null, Instant? TaskSince = null, Instant? FocusUntil = null)
{
    /// <summary>Nothing logged: she is working through her plan.</summary>
    public static readonly WorkStatus Unknown = new();
}
