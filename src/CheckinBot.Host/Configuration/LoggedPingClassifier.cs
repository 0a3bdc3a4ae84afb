using CheckinBot.Core.Pings;

namespace CheckinBot.Host.Configuration;

/// <summary>
/// Logs why each message was classified as it was, at debug level: the class, the language and the reasons (rules
/// by name, features by hashed id) — never the message text.
/// </summary>
public sealed class LoggedPingClassifier(IPingClassifier inner, ILogger<LoggedPingClassifier> logger) : IPingClassifier
{
    public PingVerdict Classify(string text, string? language = null, PingAddressees? addressees = null, OpenWork? openWork = null, bool followsUrgent = false)
    {
        var verdict = inner.Classify(text, language, addressees, openWork, followsUrgent);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Ping classified as {Class} ({Language}): {Reasons}", verdict.Class, verdict.Language, string.Join("; ", verdict.Reasons));
        }

        return verdict;
    }
}
