namespace CheckinBot.Storage.Rows;

internal sealed class InstallationRow
{
    public string Platform { get; set; } = "";
    public string WorkspaceId { get; set; } = "";
    public string? WorkspaceName { get; set; }
    public string? BotUserId { get; set; }

    /// <summary>The bot token, encrypted with ASP.NET Core Data Protection.</summary>
    public string ProtectedBotToken { get; set; } = "";

    public NodaTime.Instant InstalledAt { get; set; }
}
