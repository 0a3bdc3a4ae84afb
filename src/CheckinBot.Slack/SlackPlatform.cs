namespace CheckinBot.Slack;

/// <summary>Slack's name among the platforms, and what the bot writes into the metadata of its posts.</summary>
public static class SlackPlatform
{
    public const string Name = "slack";

    /// <summary>The message metadata event type of a scheduled post; its payload carries the occurrence key.</summary>
    public const string OccurrenceEventType = "checkin_occurrence";

    public const string OccurrenceKeyField = "occurrence_key";
}
