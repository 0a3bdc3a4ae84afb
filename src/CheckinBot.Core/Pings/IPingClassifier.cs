namespace CheckinBot.Core.Pings;

/// <summary>
/// The ping classifier's port: decides whether a client's message is a status check, something urgent, or
/// neither. The learned classifier in <c>CheckinBot.Pings</c> implements it; the core knows no model.
/// </summary>
public interface IPingClassifier
{
    /// <summary>Classifies one message.</summary>
    /// <param name="text">The message as the client typed it.</param>
    /// <param name="language">Optional hint ("nl", "en", "fr"); detected from the text when absent.</param>
    /// <param name="addressees">
    /// The VA's first names ("Ina??") and platform user ids ("&lt;@U0123ABC&gt;"): they read as the VA addressed, a
    /// mention of any other id as someone else.
    /// </param>
    /// <param name="openWork">
    /// The titles of the VA's open tasks, when the caller has read them: a message about one of them may be answered as
    /// a status check from a lower probability. Null when not read; the verdict then says whether reading them could
    /// change it (<see cref="PingVerdict.OpenWorkMatters"/>), so that a turn reads the task log only when it may count.
    /// </param>
    /// <param name="followsUrgent">
    /// The same client's last message was passed on as urgent moments ago: an emergency is open, and a follow-up ("try
    /// the work number on the form") is read as part of it, from a much lower probability of urgency. False when the
    /// caller has not looked; the verdict then says whether it could change the decision
    /// (<see cref="PingVerdict.FollowingUrgentMatters"/>), so that a turn reads the ping log only when it may count.
    /// </param>
    PingVerdict Classify(string text, string? language = null, PingAddressees? addressees = null, OpenWork? openWork = null, bool followsUrgent = false);
}
