namespace CheckinBot.Core.Delivery;

/// <summary>What the platform answered to a post: its message id, and when the platform's own clock says it was made, where known.</summary>
public sealed record PostReceipt(string MessageId, DateTimeOffset? PostedAt = null);
