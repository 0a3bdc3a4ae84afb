namespace CheckinBot.Playground;

/// <summary>The <c>Playground</c> configuration section: the local web chat between a VA and a client.</summary>
public sealed class PlaygroundOptions
{
    public const string Platform = "playground";
    public const string Workspace = "local";
    public const string Channel = "channel";

    /// <summary>The transcript keeps at most this many messages; the oldest go first.</summary>
    public const int TranscriptLimit = 10_000;

    /// <summary>A development tool: on by default only in the Development environment (the host decides).</summary>
    public bool Enabled { get; set; }

    public PlaygroundPerson Va { get; set; } = new() { Name = "Ina", TimeZone = "Europe/Brussels", Language = "nl" };

    public PlaygroundPerson Client { get; set; } = new() { Name = "Tom", TimeZone = "Europe/Brussels", Language = "en" };

    /// <summary>The direct conversation of a person ("va" or "client") with the bot.</summary>
    public static string DirectConversation(string personId) => "dm-" + personId;
}

/// <summary>One side of the playground conversation.</summary>
public sealed class PlaygroundPerson
{
    public string Name { get; set; } = "";
    public string TimeZone { get; set; } = "Europe/Brussels";
    public string Language { get; set; } = "en";
}
