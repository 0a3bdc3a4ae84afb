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
    /// <param name="names">First names the client may address the VA by ("Ina??"); they read as mentions.</param>
    PingVerdict Classify(string text, string? language = null, IReadOnlyCollection<string>? names = null);
}
