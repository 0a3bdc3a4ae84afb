namespace CheckinBot.Core.Turns;

/// <summary>The action ids of the buttons the core puts on its messages.</summary>
public static class ActionIds
{
    public const string Accept = "rhythm.accept";
    public const string Decline = "rhythm.decline";

    /// <summary>"It's urgent" under a ping answer; the value is the ping's id.</summary>
    public const string FlagUrgent = "ping.urgent";
}
