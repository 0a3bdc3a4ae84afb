using System.Text.Json;

namespace CheckinBot.Teams.Activities;

/// <summary>The fields of a Bot Framework activity that CheckinBot reads.</summary>
internal sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Timestamp { get; init; }
    public string? LocalTimezone { get; init; }
    public string? Locale { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? Text { get; init; }
    public string? ReplyToId { get; init; }
    public string? Name { get; init; }

    /// <summary>For <c>installationUpdate</c>: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public IReadOnlyList<JsonElement>? Entities { get; init; }
    public JsonElement? ChannelData { get; init; }
    public JsonElement? Value { get; init; }

    /// <summary>Web defaults, with the adapter's generated serializers (<see cref="TeamsJson"/>).</summary>
    public static JsonSerializerOptions Json => TeamsJson.Default.Options;
}
