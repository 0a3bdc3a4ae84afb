namespace CheckinBot.Host.Configuration;

/// <summary>A configuration value the bot cannot start with; the message names the key.</summary>
public sealed class ConfigurationException(string key, string reason) : Exception($"{key}: {reason}")
{
    public string Key { get; } = key;
}
