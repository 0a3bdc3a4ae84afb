namespace CheckinBot.Core.Turns;

/// <summary>The action ids of the buttons the core puts on its messages.</summary>
public static class ActionIds
{
    public const string Accept = "rhythm.accept";
    public const string Decline = "rhythm.decline";

    /// <summary>Reminder buttons; their value is the occurrence id.</summary>
    public const string PostNow = "reminder.postNow";
    public const string EditDraft = "reminder.edit";
    public const string Snooze = "reminder.snooze";
    public const string SkipOne = "reminder.skip";

    /// <summary>The confirmation under <c>/checkin forget</c>.</summary>
    public const string ForgetConfirm = "privacy.forget";

    /// <summary>"It's urgent" under a ping answer; the value is the ping's id.</summary>
    public const string FlagUrgent = "ping.urgent";
}
