using CheckinBot.Host.Configuration;

namespace CheckinBot.Host.Health;

/// <summary>What the host warns about at start, loudly, where a setting leaves a production install exposed.</summary>
public static partial class StartupWarnings
{
    public static void Log(WebApplication app, BotSettings settings)
    {
        if (app.Environment.IsProduction() && settings.Storage.KeyCertificate is null)
        {
            NoKeyCertificate(app.Logger);
        }
    }

    [LoggerMessage(9001, LogLevel.Warning,
        "SECURITY WARNING: Storage:KeyCertificate is not set in Production. The Data Protection keys that encrypt the bot " +
        "tokens are stored unencrypted beside them, so a copy of the database reveals every token. Set Storage:KeyCertificate " +
        "(a .pfx with a private key) and Storage:KeyCertificatePassword.")]
    private static partial void NoKeyCertificate(ILogger logger);
}
