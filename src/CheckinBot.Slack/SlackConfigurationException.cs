namespace CheckinBot.Slack;

/// <summary>The <c>Slack</c> section cannot be started with; <see cref="Key"/> names the setting, the message says why in one line.</summary>
public sealed class SlackConfigurationException : InvalidOperationException
{
    public SlackConfigurationException(string key, string reason)
        : base($"{key}: {reason}")
    {
        Key = key;
        Reason = reason;
    }

    public SlackConfigurationException()
        : this("Slack", "is not valid.")
    {
    }

    public SlackConfigurationException(string message)
        : this("Slack", message)
    {
    }

    public SlackConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = "Slack";
        Reason = message;
    }

    public string Key { get; }

    public string Reason { get; }
}
