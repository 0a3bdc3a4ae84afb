namespace CheckinBot.Teams;

/// <summary>A Teams setting the bot cannot start with; <see cref="Key"/> names it, the message says why in one line.</summary>
public sealed class TeamsConfigurationException : InvalidOperationException
{
    public TeamsConfigurationException()
    {
    }

    public TeamsConfigurationException(string message)
        : base(message)
    {
    }

    public TeamsConfigurationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TeamsConfigurationException(string key, string reason)
        : base($"{key}: {reason}")
    {
        Key = key;
        Reason = reason;
    }

    public string? Key { get; }

    public string? Reason { get; }
}
