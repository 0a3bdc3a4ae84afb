namespace CheckinBot.Teams.Activities;

/// <summary>A user or bot on the channel (<c>from</c>, <c>recipient</c>, members).</summary>
internal sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }
}
