namespace CheckinBot.Core.Pings;

/// <summary>What the bot did with a ping.</summary>
public enum PingOutcome
{
    /// <summary>A full answer: what is in progress and when the next update comes.</summary>
    Answered,

    /// <summary>A light acknowledgement inside the answer window (a reaction on Slack).</summary>
    Acknowledged,

    /// <summary>Urgent: passed on to the VA at once.</summary>
    PassedOn,
}
