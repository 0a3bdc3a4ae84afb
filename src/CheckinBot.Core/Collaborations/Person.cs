namespace CheckinBot.Core.Collaborations;

/// <summary>A platform user the bot knows: how to address them, their zone and language.</summary>
public sealed class Person
{
    public required string Platform { get; init; }
    public required string WorkspaceId { get; init; }
    public required string Id { get; init; }
    public string DisplayName { get; set; } = "";

    /// <summary>IANA zone, when known.</summary>
    public string? TimeZone { get; set; }

    /// <summary>"nl", "en" or "fr", when known.</summary>
    public string? Language { get; set; }
}
