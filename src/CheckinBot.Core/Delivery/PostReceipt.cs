namespace CheckinBot.Core.Delivery;

/// <summary>What the platform answered to a post: its message id.</summary>
public sealed record PostReceipt(string MessageId);
