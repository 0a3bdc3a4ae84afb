namespace CheckinBot.Core.Pings;

/// <summary>What a client's message between agreed moments is.</summary>
public enum PingClass
{
    /// <summary>Anything that is not a ping: work, instructions, thanks, questions about other things.</summary>
    Other,

    /// <summary>A question about progress ("any update?", "ben je eraan begonnen?").</summary>
    StatusCheck,

    /// <summary>Something that must reach the VA at once.</summary>
    Urgent,
}
