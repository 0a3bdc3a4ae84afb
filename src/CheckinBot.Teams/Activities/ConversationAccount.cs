namespace CheckinBot.Teams.Activities;

/// <summary>The conversation an activity belongs to.</summary>
internal sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c> in Teams; absent in other channels.</summary>
    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }
    public bool? IsGroup { get; init; }
}
